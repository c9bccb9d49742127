import Foundation
import TextPlots

/// `train`'s live plot of the loss: one display, replaced as steps complete (at most a few
/// times a second, and once more at the end with every step), where the front end can replace
/// displays; shown once at the end where it cannot (`receptive run`, the REPL).
struct LossPlot {
    private let context: any BuiltinContext
    private let totalSteps: Int
    private let isShown: Bool
    private let id = "train-" + UUID().uuidString
    private var shown = false
    private var lastDraw: ContinuousClock.Instant?

    /// The least time between two redraws.
    private static let interval = Duration.milliseconds(250)

    init(context: any BuiltinContext, totalSteps: Int, isShown: Bool) {
        self.context = context
        self.totalSteps = totalSteps
        self.isShown = isShown
    }

    /// Redraws with the losses so far, unless the last redraw was too recent.
    mutating func update(_ losses: [Double]) {
        guard context.updatesDisplaysInPlace else { return }
        let now = ContinuousClock.now
        if let lastDraw, now - lastDraw < LossPlot.interval, losses.count < totalSteps { return }
        lastDraw = now
        draw(losses, validation: [], stepsPerEpoch: 0)
    }

    /// The final plot: every step's loss, and the validation loss at the end of each epoch.
    mutating func finish(_ losses: [Double], validation: [Double], stepsPerEpoch: Int) {
        draw(losses, validation: validation, stepsPerEpoch: stepsPerEpoch)
    }

    private mutating func draw(_ losses: [Double], validation: [Double], stepsPerEpoch: Int) {
        guard isShown, !losses.isEmpty else { return }
        var series = [LineSeries(name: "loss", y: losses)]
        if !validation.isEmpty {
            let steps = validation.indices.map { Double(($0 + 1) * stepsPerEpoch - 1) }
            series.append(LineSeries(name: "validation", x: steps, y: validation))
        }
        let options = LinePlotOptions(height: 10, title: "loss, step \(losses.count) of \(totalSteps)",
                                      charset: context.renderOptions.charset)
        guard let figure = try? LinePlot.render(series, options: options, sessionWidth: context.renderOptions.width) else {
            return
        }
        context.display(figure, id: id, update: shown)
        shown = true
    }
}

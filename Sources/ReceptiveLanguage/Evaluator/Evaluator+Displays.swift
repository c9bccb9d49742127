import TextPlots

/// Displays that a builtin updates in place (`train`'s live loss plot).
extension Evaluator {
    func display(_ figure: Figure, id: String, update: Bool) {
        output?.display(figure, id: id, update: update)
    }

    var updatesDisplaysInPlace: Bool { output?.updatesDisplaysInPlace ?? false }
}

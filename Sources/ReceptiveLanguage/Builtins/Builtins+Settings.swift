import Foundation
import Tensors
import TextPlots

extension Builtins {
    /// Session settings and measurement: `set` and `timeit`.
    static var settings: [Builtin] {
        [set, timeit]
    }

    private static let set = Builtin(
        "set",
        [Parameter("width", kind: .namedOnly, default: Value.none),
         Parameter("precision", kind: .namedOnly, default: Value.none),
         Parameter("threshold", kind: .namedOnly, default: Value.none),
         Parameter("max_elements", kind: .namedOnly, default: Value.none),
         Parameter("charset", kind: .namedOnly, default: Value.none)],
        summary: "Changes session settings: output width, tensor precision and threshold, the tensor size cap, the charset.",
        details: """
            set(width: 100, precision: 4) affects every later result; unset options keep their values.
            charset: "unicode" (box drawing, blocks, Braille) or "ascii" (printable ASCII only) for
            every later figure, result and error; receptive run and repl start in ASCII when the
            locale is not UTF-8, Jupyter in Unicode (RECEPTIVE_CHARSET overrides both).
            """
    ) { arguments, context in
        var options = context.renderOptions
        if arguments.has("width") { options.width = try bounded(arguments, "width", 20...1000) }
        if arguments.has("precision") { options.precision = try bounded(arguments, "precision", 0...17) }
        if arguments.has("threshold") { options.threshold = try bounded(arguments, "threshold", 1...Int(1e9)) }
        if arguments.has("charset") { options.charset = try choice(arguments, "charset", Charset.self) }
        if arguments.has("max_elements") {
            context.control.maxElements = try bounded(arguments, "max_elements", 1...Int(1 << 40))
        }
        context.renderOptions = options
        return .none
    }

    private static func bounded(_ arguments: BoundArguments, _ name: String, _ range: ClosedRange<Int>) throws -> Int {
        let value = try arguments.integer(name)
        guard range.contains(value) else {
            throw arguments.valueError(name, "must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
        }
        return value
    }

    private static let timeit = Builtin(
        "timeit", [Parameter("f"), Parameter("repeat", kind: .namedOnly, default: .number(7))],
        summary: "Times a zero-argument function: a record of median, min and max seconds over `repeat` runs.",
        details: "The function runs once to warm up before the timed runs. A run longer than a second shows a progress bar."
    ) { arguments, context in
        let function = arguments.value("f")
        guard case .function = function else { throw arguments.typeError("f", expected: "a function", found: function) }
        let repeats = try bounded(arguments, "repeat", 1...10_000)
        var seconds = try context.control.trackProgress("timeit", total: repeats + 1) { progress in
            _ = try context.call(function, [])
            progress.advance()
            var seconds: [Double] = []
            let clock = ContinuousClock()
            for _ in 0..<repeats {
                let start = clock.now
                _ = try context.call(function, [])
                let elapsed = clock.now - start
                seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
                progress.advance()
            }
            return seconds
        }
        seconds.sort()
        let median = seconds.count % 2 == 1
            ? seconds[seconds.count / 2]
            : (seconds[seconds.count / 2 - 1] + seconds[seconds.count / 2]) / 2
        return .record(Record(typeName: "timeit", fields: [
            ("median", .number(median)), ("min", .number(seconds[0])),
            ("max", .number(seconds[seconds.count - 1])), ("repeat", .number(Double(repeats))),
        ]))
    }
}

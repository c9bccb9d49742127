import Learning
import Tensors

extension Builtins {
    /// Elementwise math and reductions: `abs sqrt exp log sin cos tanh sigmoid relu floor ceil round clip`,
    /// `sum mean min max argmax argmin norm`, `softmax log_softmax`, `allclose`.
    static var math: [Builtin] {
        UnaryFunction.allCases.filter { $0 != .round }.map(elementwise) + [round, clip]
            + Reduction.allCases.map(reduction) + [softmax(logarithm: false), softmax(logarithm: true), allclose]
    }

    /// The builtin for one elementwise function; a number gives a number, a tensor a tensor.
    private static func elementwise(_ function: UnaryFunction) -> Builtin {
        Builtin(function.rawValue, [Parameter("t")], summary: function.summary) { arguments, context in
            Value(operand: try arguments.operand("t").applying(function, control: context.control))
        }
    }

    private static let round = Builtin(
        "round", [Parameter("t"), Parameter("decimals", default: .number(0))],
        summary: UnaryFunction.round.summary
    ) { arguments, context in
        Value(tensor: try arguments.tensor("t").rounded(decimals: arguments.integer("decimals"),
                                                        control: context.control))
    }

    private static let clip = Builtin(
        "clip", [Parameter("t"), Parameter("lo"), Parameter("hi")],
        summary: "Limits every element to the range [lo, hi] (numpy.clip)."
    ) { arguments, context in
        let clipped = try arguments.operand("t").clipped(low: arguments.number("lo"), high: arguments.number("hi"),
                                                         control: context.control)
        return Value(operand: clipped)
    }

    /// The builtin for one reduction; without `axis:` the result is a number.
    private static func reduction(_ reduction: Reduction) -> Builtin {
        Builtin(reduction.rawValue, [Parameter("t"), Parameter("axis", default: Value.none)],
                summary: reduction.summary) { arguments, context in
            let axis = arguments.has("axis") ? try arguments.integer("axis") : nil
            let result = try arguments.operand("t").reduced(reduction, axis: axis, control: context.control)
            return Value(operand: result)
        }
    }

    /// `softmax(t, axis: -1)` and `log_softmax(t, axis: -1)`.
    private static func softmax(logarithm: Bool) -> Builtin {
        Builtin(logarithm ? "log_softmax" : "softmax",
                [Parameter("t"), Parameter("axis", default: .number(-1))],
                summary: logarithm
                    ? "Log-softmax along axis (default the last): x − max − log(sum of e^(x − max)), as torch.log_softmax."
                    : "Softmax along axis (default the last): e^(x − max) over its sum along the axis, each line summing to 1, as torch.softmax.") { arguments, context in
            let result = try arguments.operand("t").softmax(axis: arguments.integer("axis"), logarithm: logarithm,
                                                           control: context.control)
            return Value(operand: result)
        }
    }

    private static let allclose = Builtin(
        "allclose", [Parameter("a"), Parameter("b"), Parameter("tol", default: .number(1e-9), shownAs: "1e-9")],
        summary: "Whether a and b (broadcast) agree elementwise within |a - b| ≤ tol·(1 + |b|)."
    ) { arguments, context in
        .bool(try arguments.tensor("a").isClose(to: arguments.tensor("b"), tolerance: arguments.number("tol"),
                                                control: context.control))
    }
}

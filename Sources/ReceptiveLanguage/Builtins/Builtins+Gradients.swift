import Learning
import Tensors

extension Builtins {
    /// Learning (docs/language.md, "Learning"): gradients, trainable layers and models, losses, optimizers,
    /// training, data sets and looking inside.
    static var learning: [Builtin] { [grad, valueAndGrad] + models + losses + optimizers + training + data + lookingInside }

    private static let grad = Builtin(
        "grad", [Parameter("f"), Parameter("args", kind: .variadic)],
        summary: "The gradient of f(args...), which must return a number, with respect to each tensor, layer or model argument.",
        details: """
            One argument gives one gradient, several a tuple. A tensor's gradient has its shape (a number's is a
            number); a layer's is a record (weight:, bias:); a model's a list of its layers' records.
            grad(fn(w) = sum((correlate(x, w) - y) ** 2), w) differentiates through correlate. Gradients equal
            torch.autograd's, including its choices at kinks: relu and abs have derivative 0 at 0, ties in max and
            min share the gradient equally; comparisons, argmax and round have none.
            """
    ) { arguments, context in
        try GradientRequest(arguments, function: "grad").run(context: context).gradient
    }

    private static let valueAndGrad = Builtin(
        "value_and_grad", [Parameter("f"), Parameter("args", kind: .variadic)],
        summary: "f(args...) and its gradient together: a record (value:, grad:), for one evaluation of f.",
        details: "grad: is what grad(f, args...) returns."
    ) { arguments, context in
        let (value, gradient) = try GradientRequest(arguments, function: "value_and_grad").run(context: context)
        return .record(Record(typeName: "value_and_grad", fields: [("value", value), ("grad", gradient)]))
    }
}

extension ReferenceExamples {
    /// Examples of the learning builtins (LANGUAGE.md §9).
    static let learning: [String: String] = [
        "grad": "x = tensor([1, 2, 4, 7])\ny = correlate(x, tensor([-1, 1]))\nfn loss(w) = sum((correlate(x, w) - y) ** 2)\ngrad(loss, tensor([0, 1]))",
        "value_and_grad": "fn f(x) = sum(x ** 2)\nvalue_and_grad(f, tensor([1, 2, 3]))",
    ]
}

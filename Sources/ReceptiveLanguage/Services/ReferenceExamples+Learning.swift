extension ReferenceExamples {
    /// Examples of the learning builtins (LANGUAGE.md §9).
    static let learning: [String: String] = [
        "grad": "fn loss(w) = sum((tensor([[1, 2], [3, 4]]) @ w - tensor([1, 1])) ** 2)\ngrad(loss, tensor([0.5, -0.5]))",
        "value_and_grad": "fn f(x) = sum(x ** 2)\nvalue_and_grad(f, tensor([1, 2, 3]))",
    ]
}

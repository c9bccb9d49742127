extension ReferenceExamples {
    /// Examples of the learning builtins (LANGUAGE.md §9).
    static let learning: [String: String] = [
        "grad": "x = tensor([1, 2, 4, 7])\ny = correlate(x, tensor([-1, 1]))\nfn loss(w) = sum((correlate(x, w) - y) ** 2)\ngrad(loss, tensor([0, 1]))",
        "sequential": "m = sequential(conv_layer((3, 3), out_channels: 2, seed: 1), relu, pool_layer((2, 2)))\nm(random(4, 1, 6, 6, seed: 2)).shape",
        "copy": "a = conv_layer([[-1, 1]])\nb = copy(a)\nb.weight = [[[[1, 1]]]]\nprint(a.weight)\nb.weight",
        "value_and_grad": "fn f(x) = sum(x ** 2)\nvalue_and_grad(f, tensor([1, 2, 3]))",
    ]
}

extension ReferenceExamples {
    /// Examples of the learning builtins (docs/language.md, "Learning").
    static let learning: [String: String] = [
        "grad": "x = tensor([1, 2, 4, 7])\ny = correlate(x, tensor([-1, 1]))\nfn loss(w) = sum((correlate(x, w) - y) ** 2)\ngrad(loss, tensor([0, 1]))",
        "sequential": "m = sequential(conv_layer((3, 3), out_channels: 2, seed: 1), relu, pool_layer((2, 2)))\nm(random(4, 1, 6, 6, seed: 2)).shape",
        "copy": "a = conv_layer([[-1, 1]])\nb = copy(a)\nb.weight = [[[[1, 1]]]]\nprint(a.weight)\nb.weight",
        "mse": "mse(tensor([1, 2, 3]), tensor([1, 2, 5]))",
        "cross_entropy": "cross_entropy(tensor([[2, 0, 0], [0, 0, 3]]), tensor([0, 2]))",
        "accuracy": "accuracy(tensor([[2, 0, 0], [0, 5, 3], [1, 0, 0]]), tensor([0, 2, 0]))",
        "sgd": "sgd(lr: 0.1, momentum: 0.9)",
        "adam": "adam(lr: 0.01)",
        "train": "x = random(64, 1, 5, 5, seed: 1)\ny = conv2d(x, tensor([[[[-1, 1]]]]))\nl = conv_layer((1, 2), seed: 2)\nr = train(l, x, y, optimizer: sgd(lr: 0.5), epochs: 10, batch: 16, seed: 3)\nprint(r.steps, round(r.loss[-1], decimals: 6))\nround(l.weight, decimals: 3)",
        "dataset": "d = dataset(\"shapes\", n: 6, size: 9, seed: 1)\nprint(d.images.shape, d.labels, d.classes)\nheatmap(d.images[0, 0])",
        "split": "d = dataset(\"digits\")\nparts = split(d, fraction: 0.8, seed: 1)\n(parts[0].images.shape, parts[1].images.shape)",
        "filters": "filters(conv_layer((3, 3), out_channels: 2, seed: 1))",
        "activations": "m = sequential(conv_layer((3, 3), out_channels: 2, seed: 1), relu)\nactivations(m, dataset(\"shapes\", n: 1, size: 7, seed: 2).images[0])",
        "value_and_grad": "fn f(x) = sum(x ** 2)\nvalue_and_grad(f, tensor([1, 2, 3]))",
    ]
}

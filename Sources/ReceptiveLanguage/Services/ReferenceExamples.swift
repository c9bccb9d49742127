/// One short, runnable example per builtin, shown with its output in the reference manual.
///
/// The examples live here rather than in each builtin's `details` so that the builtin files stay
/// about behaviour; `ReferenceManualTests` fails when a builtin has no entry or its example errors.
/// Examples must be deterministic (fixed seeds, no timings, no temporary paths in the output),
/// because the committed docs/reference.md is compared with a fresh rendering.
enum ReferenceExamples {
    /// The example source for each builtin, by builtin name.
    static let byName: [String: String] = creation
        .merging(shape) { first, _ in first }
        .merging(math) { first, _ in first }
        .merging(convolution) { first, _ in first }
        .merging(layers) { first, _ in first }
        .merging(plotsAndSession) { first, _ in first }
        .merging(learning) { first, _ in first }
        .merging(language) { first, _ in first }
        .merging(interaction) { first, _ in first }

    private static let creation: [String: String] = [
        "tensor": "tensor([[1, 2], [3, 4]])",
        "zeros": "zeros(2, 3)",
        "ones": "ones(2, 3)",
        "full": "full(2, 2, value: 7)",
        "eye": "eye(3)",
        "arange": "arange(1, 10, step: 2)",
        "linspace": "linspace(0, 1, 5)",
        "random": "random(2, 3, seed: 1)",
        "randn": "randn(2, 3, seed: 1)",
        "image": "image(\"disk\", size: 8)",
        "load": "save(\"square.png\", image(\"square\", size: 4) * 255)\nload(\"square.png\")",
        "save": "rgb = stack([image(\"disk\", size: 6), image(\"square\", size: 6), zeros(6, 6)]) * 255\nsave(\"rgb.png\", rgb)\nload(\"rgb.png\").shape",
    ]

    private static let shape: [String: String] = [
        "reshape": "reshape(arange(6), (2, 3))",
        "flatten": "flatten(eye(2))",
        "transpose": "transpose(reshape(arange(6), (2, 3)))",
        "stack": "stack([arange(3), arange(3) * 10])",
        "concat": "concat((arange(3), arange(2)))",
        "pad": "pad(ones(2, 2), 1)",
        "crop": "crop(reshape(arange(16), (4, 4)), 1)",
        "flip": "flip(arange(5))",
        "shift": "shift(arange(5), 2)",
        "roll": "roll(arange(5), 2)",
        "len": "len([1, 2, 3])",
        "type": "type(eye(2))",
    ]

    private static let math: [String: String] = [
        "abs": "abs(tensor([-2, 0, 3]))",
        "sqrt": "sqrt(tensor([1, 4, 9]))",
        "exp": "exp(tensor([0, 1]))",
        "log": "log(tensor([1, 10]))",
        "sin": "sin(tensor([0, 1.5707963]))",
        "cos": "cos(tensor([0, 3.1415927]))",
        "tanh": "tanh(tensor([-1, 0, 1]))",
        "sigmoid": "sigmoid(tensor([-2, 0, 2]))",
        "relu": "relu(tensor([-1, 0, 2]))",
        "round": "round(tensor([0.5, 1.5, 2.25]))",
        "floor": "floor(tensor([-2.5, -0.5, 0.5, 7 / 2]))",
        "ceil": "ceil(tensor([-2.5, -0.5, 0.5, 7 / 2]))",
        "clip": "clip(arange(6), 1, 4)",
        "sum": "sum(reshape(arange(6), (2, 3)), axis: 0)",
        "mean": "mean(tensor([1, 2, 3, 6]))",
        "min": "min(tensor([4, 1, 3]))",
        "max": "max(tensor([4, 1, 3]))",
        "argmax": "argmax(tensor([4, 1, 9, 3]))",
        "argmin": "argmin(tensor([4, 1, 9, 3]))",
        "norm": "norm(tensor([3, 4]))",
        "softmax": "softmax(tensor([[1, 2, 3], [0, 0, 0]]))",
        "log_softmax": "log_softmax(tensor([1, 2, 3]))",
        "allclose": "allclose(tensor([1, 2]), tensor([1, 2.0000001]))",
    ]

    private static let convolution: [String: String] = [
        "convolve": "convolve(tensor([1, 2, 3]), tensor([0, 1, 0.5]), mode: \"full\")",
        "correlate": "correlate(tensor([1, 2, 3, 4]), tensor([1, -1]))",
        "conv1d": "conv1d(reshape(arange(6), (1, 6)), reshape(tensor([1, 0, -1]), (1, 1, 3)))",
        "conv2d": "conv2d(reshape(image(\"square\", size: 6), (1, 6, 6)), reshape(sobel(), (1, 1, 3, 3)), padding: 1)",
        "maxpool": "maxpool(reshape(arange(16), (4, 4)), 2)",
        "avgpool": "avgpool(reshape(arange(16), (4, 4)), 2)",
        "adaptive_maxpool": "adaptive_maxpool(tensor([3, 1, 4, 1, 5, 9, 2]), 3)",
        "adaptive_avgpool": "adaptive_avgpool(reshape(arange(15), (3, 5)), (1, 2))",
        "edge": "edge()",
        "sobel": "sobel()",
        "prewitt": "prewitt()",
        "laplacian": "laplacian()",
        "box": "box(3)",
        "gaussian": "gaussian(3)",
        "sharpen": "sharpen()",
        "emboss": "emboss()",
    ]

    private static let layers: [String: String] = [
        "dense_layer": "dense_layer(6, 4)",
        "conv_layer": "conv_layer(tensor([-1, 1]))",
        "locally_connected": "locally_connected(3)",
        "tiled": "tiled(3, t: 2)",
        "pool_layer": "pool_layer(2)",
        "params": "params(conv_layer((3, 3)), input: (8, 8))",
        "flops": "flops(conv_layer(tensor([[-1, 1]])), input: (4, 5))",
        "output_shape": "output_shape(conv_layer((3, 3)), input: (8, 8))",
        "connectivity": "connectivity(conv_layer(3), input: 6)",
        "sharing": "sharing(tiled(3, t: 2), input: 6)",
        "as_matrix": "as_matrix(tensor([1, 2, 3]), input: 5)",
        "dense": "dense(as_matrix(tensor([1, -1]), input: 4))",
        "compare": "compare(conv_layer(3), input: 8)",
        "receptive_field": "receptive_field(conv_layer(3), conv_layer(3), input: 9)",
        "equivariant": "equivariant(conv_layer(tensor([1, 2, 1]), padding: 1), arange(8))",
        "diagram": "diagram(conv_layer(3), input: 5)",
    ]

    private static let language: [String: String] = [
        "int": "print(int(2.7), int(-2.7), int(\"42\"))\nint(tensor([1.9, -1.9]))",
        "float": "float(\"2.5\") + float(true)",
        "str": "\"step \" + str(3) + \" of \" + str(10)",
        "range": "for i in range(1, 10, step: 3) { print(i) }\nlen(range(100))",
        "enumerate": "for i, name in enumerate([\"edge\", \"blur\"]) { print(i, name) }",
        "zip": "zip([1, 2, 3], [\"a\", \"b\", \"c\"])",
        "append": "xs = []\nfor i in range(4) { append(xs, i * i) }\nxs",
        "sort": "print(sort([3, 1, 2]))\nsort([\"pear\", \"fig\", \"apple\"], key: len)",
        "reverse": "reverse(arange(5))",
    ]

    private static let plotsAndSession: [String: String] = [
        "heatmap": "heatmap(image(\"disk\", size: 8))",
        "spy": "spy(as_matrix(tensor([1, -1]), input: 6))",
        "lineplot": "lineplot(sin(linspace(0, 6.2831853, 40)), height: 6, width: 40)",
        "bar": "bar(tensor([3, 1, 2]), labels: \"c\")",
        "hist": "hist(randn(200, seed: 1), bins: 6, width: 40)",
        "grid": "grid(eye(2), ones(2, 2), titles: [\"eye\", \"ones\"])",
        "table": "table([[1, 2], [3, 4]], headers: [\"a\", \"b\"])",
        "print": "print(\"sum:\", 1 + 2)",
        "warn": "warn(\"careful\")",
        "show": "show(eye(2))\n3",
        "clear": "print(\"gone\")\nclear()\nprint(\"kept\")",
        "help": "help(\"flip\")",
        "vars": "a = 1\nvars()",
        "del": "a = 1\nb = 2\ndel(a)\nvars()",
        "input": "name = input(\"name? \")\nprint(\"hello\", name)",
        "set": "set(precision: 2)\nlinspace(0, 1, 4)",
        "timeit": "fn work() = sum(arange(100))\ntimeit(work, repeat: 3).repeat",
    ]
}

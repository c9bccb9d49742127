import Tensors

extension Builtins {
    /// Named convolution kernels: `edge sobel prewitt laplacian box gaussian sharpen emboss`.
    static var kernels: [Builtin] {
        [edge, sobel, prewitt, laplacian, box, gaussian, sharpen, emboss]
    }

    private static let edge = Builtin(
        "edge", [],
        summary: "The book's edge detector [-1, 1] (figure 9.6): the difference of neighbours."
    ) { _, _ in Value(tensor: Kernels.edge()) }

    private static let sobel = Builtin(
        "sobel", [Parameter("axis", default: .string("x"))],
        summary: "The 3×3 Sobel derivative along \"x\" (columns) or \"y\" (rows), oriented for correlate."
    ) { arguments, _ in Value(tensor: Kernels.sobel(try kernelAxis(arguments))) }

    private static let prewitt = Builtin(
        "prewitt", [Parameter("axis", default: .string("x"))],
        summary: "The 3×3 Prewitt derivative along \"x\" (columns) or \"y\" (rows), oriented for correlate."
    ) { arguments, _ in Value(tensor: Kernels.prewitt(try kernelAxis(arguments))) }

    private static let laplacian = Builtin(
        "laplacian", [],
        summary: "The 3×3 Laplacian [[0, 1, 0], [1, -4, 1], [0, 1, 0]]."
    ) { _, _ in Value(tensor: Kernels.laplacian()) }

    private static let box = Builtin(
        "box", [Parameter("n", default: .number(3))],
        summary: "The n×n mean filter, every entry 1/n² (sums to 1)."
    ) { arguments, context in Value(tensor: try Kernels.box(arguments.integer("n"), control: context.control)) }

    private static let gaussian = Builtin(
        "gaussian", [Parameter("n", default: .number(5)), Parameter("sigma", default: .number(1))],
        summary: "The n×n Gaussian blur with deviation sigma, centred and normalised to sum 1."
    ) { arguments, context in
        Value(tensor: try Kernels.gaussian(arguments.integer("n"), sigma: arguments.number("sigma"),
                                           control: context.control))
    }

    private static let sharpen = Builtin(
        "sharpen", [],
        summary: "The 3×3 sharpening kernel [[0, -1, 0], [-1, 5, -1], [0, -1, 0]]."
    ) { _, _ in Value(tensor: Kernels.sharpen()) }

    private static let emboss = Builtin(
        "emboss", [],
        summary: "The 3×3 emboss kernel [[-2, -1, 0], [-1, 1, 1], [0, 1, 2]]."
    ) { _, _ in Value(tensor: Kernels.emboss()) }

    /// `axis:` as "x" or "y".
    private static func kernelAxis(_ arguments: BoundArguments) throws -> Kernels.Axis {
        let name = try arguments.string("axis")
        guard let axis = Kernels.Axis(rawValue: name) else {
            throw arguments.valueError("axis", "must be \"x\" or \"y\", found \"\(name)\"")
        }
        return axis
    }
}

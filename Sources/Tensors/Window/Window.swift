/// A kernel's sliding window on one or two axes before it meets an input: the kernel's shape
/// and, per axis, the stride, dilation and padding, and what the padding holds. This is what a
/// layer stores; `axes(input:name:)` lays it on an input as one `WindowAxis` per axis, which
/// is where every rule of the window lives.
public struct Window: Sendable, Equatable {
    /// The kernel's extent along each axis.
    public let kernelShape: [Int]
    /// The step between neighbouring outputs, per axis.
    public let stride: [Int]
    /// The step between neighbouring taps (1 = adjacent), per axis.
    public let dilation: [Int]
    /// The padding per axis.
    public let padding: [Padding]
    /// What the padding holds.
    public let fill: PaddingMode

    /// A window whose values `WindowOptions.window(kernelShape:name:)` has checked.
    init(validated kernelShape: [Int], _ stride: [Int], _ dilation: [Int], _ padding: [Padding], _ fill: PaddingMode) {
        self.kernelShape = kernelShape
        self.stride = stride
        self.dilation = dilation
        self.padding = padding
        self.fill = fill
    }

    /// The number of axes (1 or 2).
    public var spatialRank: Int { kernelShape.count }

    /// The number of taps in one kernel (the product of its extents).
    public var kernelCount: Int { kernelShape.reduce(1, *) }

    /// The distance from the first tap to the last on `axis`: d·(k − 1).
    public func reach(_ axis: Int) -> Int { WindowAxis.reach(kernel: kernelShape[axis], dilation: dilation[axis]) }

    /// The window laid on an input of spatial extents `input`, one axis each; `name` is the
    /// operation and `noun` what slides ("kernel", "window"), for error messages.
    public func axes(input: [Int], name: String, noun: String = "kernel") throws -> [WindowAxis] {
        guard input.count == spatialRank else {
            throw TensorError.shapeMismatch(
                "\(name): a \(spatialRank)-D \(noun) needs \(spatialRank) spatial axes, found \(Tensor.describe(input))")
        }
        let axes = (0..<spatialRank).map { axis in
            WindowAxis(input: input[axis], kernel: kernelShape[axis], stride: stride[axis], dilation: dilation[axis],
                       padding: padding[axis], fill: fill)
        }
        guard axes.allSatisfy({ $0 != nil }) else {
            let dilated = dilation.contains { $0 != 1 }
            let spans = (0..<spatialRank).map { reach($0) + 1 }
            let padded = (0..<spatialRank).map { input[$0] + padding[$0].before + padding[$0].after }
            throw TensorError.shapeMismatch(
                "\(name): the \(noun) spans \(Tensor.describe(spans))\(dilated ? " (with dilation)" : "") but the "
                + "padded input is only \(Tensor.describe(padded)); use a smaller \(noun)\(dilated ? " or dilation" : ""), "
                + "or more padding")
        }
        return axes.compactMap { $0 }
    }

    /// The same kernel, stride and dilation with other padding.
    public func with(padding: [Padding], fill: PaddingMode) -> Window {
        Window(validated: kernelShape, stride, dilation, padding, fill)
    }
}

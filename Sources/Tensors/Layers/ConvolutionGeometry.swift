/// Where a convolution-like layer's kernel lands on its input: kernel shape, stride, padding and
/// dilation per spatial axis (1-D or 2-D), with PyTorch's output-size rule.
public struct ConvolutionGeometry: Sendable, Equatable {
    /// Padding on one axis: units added before the first and after the last input unit.
    public struct Padding: Sendable, Equatable {
        /// Units added before the first input unit.
        public var before: Int
        /// Units added after the last input unit.
        public var after: Int

        /// Creates a padding.
        public init(before: Int, after: Int) {
            self.before = before
            self.after = after
        }
    }

    /// What the padded units hold.
    public enum PaddingMode: String, Sendable, Equatable {
        /// Zeros: border outputs see fewer real inputs (Toeplitz matrices).
        case zero
        /// The input wrapped around: every output sees a full kernel (circulant matrices).
        case wrap
    }

    /// The kernel's extent along each spatial axis.
    public let kernelShape: [Int]
    /// The step between neighbouring outputs, per axis.
    public let stride: [Int]
    /// The gap between kernel taps (1 = adjacent), per axis.
    public let dilation: [Int]
    /// The padding per axis.
    public let padding: [Padding]
    /// What the padding holds.
    public let paddingMode: PaddingMode

    /// Creates a geometry, checking every extent; per-axis lists must match the kernel's rank.
    public init(kernelShape: [Int], stride: [Int], dilation: [Int], padding: [Padding],
                paddingMode: PaddingMode = .zero) throws {
        let rank = kernelShape.count
        guard rank == 1 || rank == 2 else {
            throw TensorError.invalidArgument(
                "a layer kernel is 1-D or 2-D, found a kernel of shape \(Tensor.describe(kernelShape))")
        }
        for (name, list) in [("stride", stride), ("dilation", dilation)] {
            guard list.count == rank, list.allSatisfy({ $0 >= 1 }) else {
                throw TensorError.invalidArgument(
                    "\(name) needs \(rank) value(s) ≥ 1 for a \(rank)-D kernel, found \(list)")
            }
        }
        guard kernelShape.allSatisfy({ $0 >= 1 }) else {
            throw TensorError.invalidArgument(
                "kernel extents must be ≥ 1, found \(Tensor.describe(kernelShape))")
        }
        let reaches = zip(kernelShape, dilation).map { ($1.multipliedReportingOverflow(by: $0 - 1)) }
        guard (try? Tensor.elementCount(of: kernelShape)) != nil, !reaches.contains(where: \.overflow) else {
            throw TensorError.limitExceeded(
                "a kernel of shape \(Tensor.describe(kernelShape)) with dilation \(dilation) is too large to count")
        }
        guard padding.count == rank, padding.allSatisfy({ $0.before >= 0 && $0.after >= 0 }) else {
            throw TensorError.invalidArgument(
                "padding needs \(rank) pair(s) of values ≥ 0 for a \(rank)-D kernel, found \(padding.count)")
        }
        self.kernelShape = kernelShape
        self.stride = stride
        self.dilation = dilation
        self.padding = padding
        self.paddingMode = paddingMode
    }

    /// PyTorch's `padding="same"`: d·(k − 1) units per axis, the odd one after.
    public static func samePadding(kernelShape: [Int], dilation: [Int]) -> [Padding] {
        zip(kernelShape, dilation).map { extent, gap in
            let total = gap * (extent - 1)
            return Padding(before: total / 2, after: total - total / 2)
        }
    }

    /// The number of spatial axes (1 or 2).
    public var spatialRank: Int { kernelShape.count }

    /// The number of taps in one kernel (product of the kernel's extents).
    public var kernelCount: Int { kernelShape.reduce(1, *) }

    /// The distance from the first to the last tap on `axis`: d·(k − 1).
    public func reach(_ axis: Int) -> Int { dilation[axis] * (kernelShape[axis] - 1) }

    /// The output extents for spatial input extents `input`:
    /// ⌊(n + before + after − d·(k − 1) − 1) / s⌋ + 1 per axis.
    public func outputShape(spatial input: [Int]) throws -> [Int] {
        guard input.count == spatialRank else {
            throw TensorError.shapeMismatch(
                "a \(spatialRank)-D kernel needs \(spatialRank) spatial axes, found \(Tensor.describe(input))")
        }
        return try (0..<spatialRank).map { axis in
            let padded = input[axis] + padding[axis].before + padding[axis].after
            guard padded > reach(axis) else {
                throw TensorError.shapeMismatch(
                    "the kernel spans \(reach(axis) + 1) units on axis \(axis) but the (padded) input has only "
                    + "\(padded); use a larger input, more padding or a smaller kernel")
            }
            return (padded - reach(axis) - 1) / stride[axis] + 1
        }
    }

    /// The geometry with different padding (used by `as_matrix` modes).
    func with(padding: [Padding], mode: PaddingMode) -> ConvolutionGeometry {
        // Same rank as self, so the checks of `init` already hold.
        ConvolutionGeometry(validated: kernelShape, stride, dilation, padding, mode)
    }

    private init(validated kernelShape: [Int], _ stride: [Int], _ dilation: [Int],
                 _ padding: [Padding], _ mode: PaddingMode) {
        self.kernelShape = kernelShape
        self.stride = stride
        self.dilation = dilation
        self.padding = padding
        self.paddingMode = mode
    }
}

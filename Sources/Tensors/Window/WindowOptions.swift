/// The options of a sliding window as an operation or a layer constructor takes them: stride,
/// padding, dilation (each one value for every axis or one per axis) and what the padding
/// holds. `window(kernelShape:name:)` checks them against a kernel and gives the `Window`.
public struct WindowOptions: Sendable, Equatable {
    /// The step between neighbouring outputs.
    public var stride: [Int]
    /// The padding rule.
    public var padding: WindowPadding
    /// The step between neighbouring taps (1 = adjacent).
    public var dilation: [Int]
    /// What the padding holds.
    public var fill: PaddingMode

    /// Creates options; the defaults are torch's (stride 1, no padding, dilation 1, zeros).
    public init(stride: [Int] = [1], padding: WindowPadding = .widths([0]), dilation: [Int] = [1],
                fill: PaddingMode = .zero) {
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.fill = fill
    }

    /// The largest stride, dilation, padding or kernel extent accepted: far beyond any real
    /// input (a layer can still be measured on an input padded by 10¹² units without visiting
    /// them), and small enough that sums of a few of them cannot overflow.
    static let maximum = 1 << 40

    /// The window of a kernel of `kernelShape` (1-D or 2-D) with these options, after checking
    /// every value; `name` is the operation or layer, for error messages.
    public func window(kernelShape: [Int], name: String) throws -> Window {
        let rank = kernelShape.count
        guard rank == 1 || rank == 2 else {
            throw TensorError.invalidArgument(
                "\(name): a kernel is 1-D or 2-D, found a kernel of shape \(Tensor.describe(kernelShape))")
        }
        _ = try WindowOptions.perAxis(kernelShape, "the kernel's extent", name: name, spatialRank: rank, minimum: 1)
        guard (try? Tensor.elementCount(of: kernelShape)) != nil else {
            throw TensorError.limitExceeded(
                "\(name): a kernel of shape \(Tensor.describe(kernelShape)) has too many taps to count")
        }
        let strides = try WindowOptions.perAxis(stride, "stride", name: name, spatialRank: rank, minimum: 1)
        let dilations = try WindowOptions.perAxis(dilation, "dilation", name: name, spatialRank: rank, minimum: 1)
        // The reach d·(k − 1) must be an Int; then every padded position is (`WindowAxis`).
        guard !zip(kernelShape, dilations).contains(where: { $1.multipliedReportingOverflow(by: $0 - 1).overflow }) else {
            throw TensorError.limitExceeded(
                "\(name): a kernel of shape \(Tensor.describe(kernelShape)) with dilation \(Tensor.describe(dilations)) spans too far to count")
        }
        let pads = try padding.resolved(kernelShape: kernelShape, stride: strides, dilation: dilations, name: name)
        return Window(validated: kernelShape, strides, dilations, pads, fill)
    }

    /// Expands one value to every axis, checking the count and the bounds; `name` is the
    /// operation for error messages, `label` the argument.
    static func perAxis(_ values: [Int], _ label: String, name: String, spatialRank: Int,
                        minimum: Int) throws -> [Int] {
        guard values.count == 1 || values.count == spatialRank else {
            let expected = spatialRank == 1 ? "one value" : spatialRank == 2 ? "one value or a pair" : "\(spatialRank) values"
            throw TensorError.invalidArgument("\(name): \(label) takes \(expected), found \(values.count) values")
        }
        if let bad = values.first(where: { $0 < minimum }) {
            let bound = minimum == 0 ? "not be negative" : "be at least \(minimum)"
            throw TensorError.invalidArgument("\(name): \(label) must \(bound), found \(bad)")
        }
        if let bad = values.first(where: { $0 > maximum }) {
            throw TensorError.invalidArgument("\(name): \(label) must be at most \(maximum), found \(bad)")
        }
        return values.count == 1 ? Array(repeating: values[0], count: spatialRank) : values
    }
}

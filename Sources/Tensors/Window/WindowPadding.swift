/// How the arguments of a torch-style operation (conv1d/conv2d, the layer constructors,
/// `as_matrix` of a layer) give the padding of every axis; `resolved` turns it into one
/// `Padding` per axis for a kernel. scipy's modes are `SignalMode`.
public enum WindowPadding: Sendable, Equatable {
    /// The same number of units before and after: one value for every axis, or one per axis
    /// (torch's `padding=1` or `padding=(1, 2)`).
    case widths([Int])
    /// `(before, after)` per axis.
    case pairs([Padding])
    /// No padding (torch's `padding="valid"`).
    case valid
    /// As many outputs as inputs at stride 1 (torch's `padding="same"`): d·(k − 1) units per
    /// axis, the odd one after.
    case same
    /// Every position where the window overlaps the input: d·(k − 1) units on both sides.
    case full

    /// One padding per axis of a kernel of `kernelShape` with `stride` and `dilation` (already
    /// one value per axis); `name` is the operation, for error messages.
    func resolved(kernelShape: [Int], stride: [Int], dilation: [Int], name: String) throws -> [Padding] {
        let rank = kernelShape.count
        let reaches = zip(kernelShape, dilation).map { WindowAxis.reach(kernel: $0, dilation: $1) }
        switch self {
        case .widths(let widths):
            return try WindowOptions.perAxis(widths, "padding", name: name, spatialRank: rank, minimum: 0)
                .map(Padding.symmetric)
        case .pairs(let pairs):
            guard pairs.count == rank else {
                throw TensorError.invalidArgument(
                    "\(name): padding takes one (before, after) pair per axis (\(rank)), found \(pairs.count)")
            }
            let amounts = pairs.flatMap { [$0.before, $0.after] }
            _ = try WindowOptions.perAxis(amounts, "padding", name: name, spatialRank: amounts.count, minimum: 0)
            return pairs
        case .valid:
            return Array(repeating: .none, count: rank)
        case .same:
            guard stride.allSatisfy({ $0 == 1 }) else {
                throw TensorError.invalidArgument(
                    "\(name): padding \"same\" needs stride 1 (as in torch), found stride \(stride.map(String.init).joined(separator: ", "))")
            }
            return reaches.map { Padding.same(reach: $0, extraUnitBefore: false) }
        case .full:
            return reaches.map(Padding.full)
        }
    }
}

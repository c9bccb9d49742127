/// Whether f(T(x)) equals T(f(x)) away from the borders (§9.2: "if we move the object in the
/// input, its representation will move the same amount in the output").
public struct EquivarianceCheck: Sendable, Equatable {
    /// Whether the two agree within tolerance on the compared region.
    public let equal: Bool
    /// The largest |f(T(x)) − T(f(x))| on the compared region.
    public let maxDifference: Double
    /// Where the largest difference is, when they disagree.
    public let worst: [Int]?
    /// How many compared units disagree.
    public let failures: Int
    /// 1 where the two disagree on the compared region, shaped like the compared outputs.
    public let failureMask: Tensor
    /// The compared region: one half-open range per axis.
    public let region: [Range<Int>]
    /// Why the outputs were cropped, if their shapes differed.
    public let note: String?

    /// Compares `transformedFirst` = f(T(x)) with `transformedAfter` = T(f(x)), ignoring
    /// `margin[axis]` units at both ends of each axis; `tolerance` is relative to the
    /// largest magnitude (at least 1).
    public init(transformedFirst: Tensor, transformedAfter: Tensor, margin: [Int], tolerance: Double = 1e-9,
                control: ExecutionControl) throws {
        guard transformedFirst.rank == transformedAfter.rank, margin.count == transformedFirst.rank else {
            throw TensorError.shapeMismatch(
                "f(T(x)) is \(Tensor.describe(transformedFirst.shape)) and T(f(x)) is "
                + "\(Tensor.describe(transformedAfter.shape)); they need the same rank to be compared")
        }
        let shape = zip(transformedFirst.shape, transformedAfter.shape).map(min)
        region = zip(shape, margin).map { extent, border in min(border, extent / 2)..<max(extent - border, extent / 2) }
        note = EquivarianceCheck.note(transformedFirst.shape, transformedAfter.shape, common: shape, region: region)
        let first = try EquivarianceCheck.cropped(transformedFirst, to: shape, control: control)
        let after = try EquivarianceCheck.cropped(transformedAfter, to: shape, control: control)
        let scale = max(1, (first.scalars + after.scalars).reduce(0) { max($0, abs($1)) })
        var mask = [Double](repeating: 0, count: first.count)
        var (largest, worstIndex, failures) = (0.0, -1, 0)
        let strides = Tensor.strides(for: shape)
        for index in 0..<first.count where EquivarianceCheck.inside(index, region, shape, strides) {
            let difference = abs(first.scalars[index] - after.scalars[index])
            if difference > tolerance * scale || difference.isNaN {
                mask[index] = 1
                failures += 1
            }
            if difference > largest || difference.isNaN { (largest, worstIndex) = (difference, index) }
        }
        equal = failures == 0 && note == nil
        maxDifference = largest
        worst = failures == 0 ? nil : shape.indices.map { worstIndex / strides[$0] % shape[$0] }
        self.failures = failures
        failureMask = Tensor(validatedShape: shape, scalars: mask)
    }

    /// Why the answer is no regardless of the values: different shapes, or nothing left to compare.
    private static func note(_ first: [Int], _ after: [Int], common: [Int], region: [Range<Int>]) -> String? {
        if first != after {
            return "f(T(x)) is \(Tensor.describe(first)) but T(f(x)) is \(Tensor.describe(after)); "
                + "compared their common \(Tensor.describe(common)) corner"
        }
        if region.contains(where: \.isEmpty) {
            return "the margin leaves no units to compare in \(Tensor.describe(common)); use a larger input or a smaller margin"
        }
        return nil
    }

    private static func inside(_ index: Int, _ region: [Range<Int>], _ shape: [Int], _ strides: [Int]) -> Bool {
        shape.indices.allSatisfy { region[$0].contains(index / strides[$0] % shape[$0]) }
    }

    private static func cropped(_ tensor: Tensor, to shape: [Int], control: ExecutionControl) throws -> Tensor {
        guard tensor.shape != shape else { return tensor }
        return try tensor.subscripted(shape.map { .slice(start: 0, stop: $0, step: 1) }, control: control)
    }
}

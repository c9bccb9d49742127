extension Tensor {
    /// Pads each axis with `widths[axis]` = (before, after) positions, like `numpy.pad`;
    /// a single pair applies to every axis.
    public func padded(_ widths: [(before: Int, after: Int)], mode: PaddingMode = .zero,
                       control: ExecutionControl) throws -> Tensor {
        let perAxis = try resolvedWidths(widths, operation: "pad")
        var maps = [[Int]?](repeating: nil, count: rank)
        for axis in 0..<rank {
            let (before, after) = perAxis[axis]
            guard before > 0 || after > 0 else { continue }
            let size = shape[axis]
            if size == 0 && mode != .zero {
                throw TensorError.invalidArgument(
                    "cannot pad the empty axis \(axis) with mode \"\(mode.rawValue)\"; only \"zero\" can extend an empty axis")
            }
            maps[axis] = try Tensor.indexMap(size: size + before + after,
                                             control: control) { mode.source($0 - before, size: size) }
        }
        return try remapping(maps, control: control)
    }

    /// Removes (before, after) positions from each axis: the inverse of `padded`, like
    /// `skimage.util.crop`; a single pair applies to every axis.
    public func cropped(_ widths: [(before: Int, after: Int)], control: ExecutionControl) throws -> Tensor {
        let perAxis = try resolvedWidths(widths, operation: "crop")
        var maps = [[Int]?](repeating: nil, count: rank)
        for axis in 0..<rank {
            let (before, after) = perAxis[axis]
            guard before > 0 || after > 0 else { continue }
            guard before + after <= shape[axis] else {
                throw TensorError.invalidArgument(
                    "cannot crop \(before) + \(after) positions from axis \(axis) of size \(shape[axis])")
            }
            maps[axis] = try Tensor.indexMap(size: shape[axis] - before - after, control: control) { $0 + before }
        }
        return try remapping(maps, control: control)
    }

    /// One (before, after) pair per axis, checked to be non-negative.
    private func resolvedWidths(_ widths: [(before: Int, after: Int)], operation: String) throws -> [(Int, Int)] {
        guard widths.count == 1 || widths.count == rank else {
            throw TensorError.invalidArgument(
                "\(operation) needs one (before, after) pair or one per axis (\(rank)), found \(widths.count) pairs")
        }
        if widths.contains(where: { $0.before < 0 || $0.after < 0 }) {
            throw TensorError.invalidArgument("\(operation) widths must be ≥ 0")
        }
        return (0..<rank).map { widths.count == 1 ? widths[0] : widths[$0] }
    }
}

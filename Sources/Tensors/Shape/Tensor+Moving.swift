extension Tensor {
    /// Reverses the order along `axes` (negative counts from the end); nil reverses every axis,
    /// like `numpy.flip`.
    public func flipped(axes: [Int]? = nil, control: ExecutionControl) throws -> Tensor {
        var maps = [[Int]?](repeating: nil, count: rank)
        for axis in try resolvedAxes(axes) {
            let size = shape[axis]
            maps[axis] = try Tensor.indexMap(size: size, control: control) { size - 1 - $0 }
        }
        return try remapping(maps, control: control)
    }

    /// Moves the content by `offsets` along `axes`, filling vacated positions with 0;
    /// nil axes means the flattened tensor (shape kept), like `roll`. Content shifted past the
    /// border is lost.
    public func shifted(by offsets: [Int], axes: [Int]? = nil, control: ExecutionControl) throws -> Tensor {
        try moved(by: offsets, axes: axes, control: control) { position, offset, size in
            let from = position - offset
            return from >= 0 && from < size ? from : nil
        }
    }

    /// Moves the content by `offsets` along `axes`, wrapping around the border, like
    /// `numpy.roll`; nil axes rolls the flattened tensor and restores the shape.
    public func rolled(by offsets: [Int], axes: [Int]? = nil, control: ExecutionControl) throws -> Tensor {
        try moved(by: offsets, axes: axes, control: control) { position, offset, size in
            let from = (position - offset) % size
            return from < 0 ? from + size : from
        }
    }

    /// Shared driver of shift and roll: one offset per axis (or one offset for all axes).
    private func moved(by offsets: [Int], axes: [Int]?, control: ExecutionControl,
                       _ source: (_ position: Int, _ offset: Int, _ size: Int) -> Int?) throws -> Tensor {
        guard let axes else {
            guard offsets.count == 1 else {
                throw TensorError.invalidArgument(
                    "without axis: the shift must be one number, found \(offsets.count); give axis: to move along several axes")
            }
            let map = try Tensor.indexMap(size: count, control: control) { source($0, offsets[0], count) }
            let flat = try flattened().remapping([map], control: control)
            return Tensor(validatedShape: shape, scalars: flat.scalars)
        }
        let resolved = try axes.map { try normalizedAxis($0) }
        guard offsets.count == resolved.count || offsets.count == 1 else {
            throw TensorError.invalidArgument(
                "the shift has \(offsets.count) offsets but \(resolved.count) axes were given; give one offset per axis")
        }
        var maps = [[Int]?](repeating: nil, count: rank)
        for (index, axis) in resolved.enumerated() {
            let offset = offsets.count == 1 ? offsets[0] : offsets[index]
            let size = shape[axis]
            // Repeating an axis composes its moves, as numpy.roll does with repeated axes.
            let previous = maps[axis] ?? Array(0..<size)
            maps[axis] = try Tensor.indexMap(size: size, control: control) { position in
                source(position, offset, size).map { previous[$0] }
            }
        }
        return try remapping(maps, control: control)
    }

    /// `axes` normalised, or every axis when nil.
    func resolvedAxes(_ axes: [Int]?) throws -> [Int] {
        guard let axes else { return Array(0..<rank) }
        return try axes.map { try normalizedAxis($0) }
    }
}

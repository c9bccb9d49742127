extension Tensor {
    /// Joins tensors of equal shape along a new axis `axis`, like `numpy.stack`.
    public static func stacked(_ tensors: [Tensor], axis: Int = 0, control: ExecutionControl) throws -> Tensor {
        guard let first = tensors.first else {
            throw TensorError.invalidArgument("stack needs at least one tensor, found none")
        }
        if let other = tensors.first(where: { $0.shape != first.shape }) {
            throw TensorError.shapeMismatch(
                "stack needs tensors of one shape, found \(describe(first.shape)) and \(describe(other.shape))")
        }
        let resolved = axis < 0 ? axis + first.rank + 1 : axis
        guard resolved >= 0, resolved <= first.rank else {
            throw TensorError.invalidArgument(
                "axis \(axis) is out of range for stacking tensors of rank \(first.rank); use 0 to \(first.rank)")
        }
        var expanded = first.shape
        expanded.insert(1, at: resolved)
        let parts = tensors.map { Tensor(validatedShape: expanded, scalars: $0.scalars) }
        return try concatenated(parts, axis: resolved, control: control)
    }

    /// Joins tensors along the existing axis `axis`; the other extents must agree (`numpy.concatenate`).
    public static func concatenated(_ tensors: [Tensor], axis: Int = 0,
                                    control: ExecutionControl) throws -> Tensor {
        guard let first = tensors.first else {
            throw TensorError.invalidArgument("concat needs at least one tensor, found none")
        }
        let resolved = try first.normalizedAxis(axis)
        for tensor in tensors {
            var a = tensor.shape, b = first.shape
            guard a.count == b.count else {
                throw TensorError.shapeMismatch(
                    "concat needs tensors of one rank, found \(describe(first.shape)) and \(describe(tensor.shape))")
            }
            a[resolved] = 0
            b[resolved] = 0
            guard a == b else {
                throw TensorError.shapeMismatch(
                    "concat along axis \(resolved) needs the other extents to agree, found \(describe(first.shape)) and \(describe(tensor.shape))")
            }
        }
        var shape = first.shape
        shape[resolved] = tensors.reduce(0) { $0 + $1.shape[resolved] }
        let count = try elementCount(of: shape)
        try control.checkAllocation(count)
        let outer = shape[..<resolved].reduce(1, *)
        let inner = shape[(resolved + 1)...].reduce(1, *)
        var result: [Double] = []
        result.reserveCapacity(count)
        for block in 0..<outer {
            try control.checkInterrupt()
            for tensor in tensors {
                let length = tensor.shape[resolved] * inner
                result.append(contentsOf: tensor.scalars[(block * length)..<((block + 1) * length)])
            }
        }
        return Tensor(validatedShape: shape, scalars: result)
    }
}

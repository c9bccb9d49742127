extension Tensor {
    /// The same elements in a new shape; one extent may be -1 and is then inferred.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        let unknown = newShape.indices.filter { newShape[$0] == -1 }
        guard unknown.count <= 1 else {
            throw TensorError.invalidArgument("reshape allows only one -1 extent, found \(unknown.count)")
        }
        if let bad = newShape.first(where: { $0 < -1 }) {
            throw TensorError.invalidArgument("reshape extents must be ≥ 0 or one -1, found \(bad)")
        }
        var resolved = newShape
        if let slot = unknown.first {
            let known = try Tensor.elementCount(of: newShape.enumerated().map { $0.offset == slot ? 1 : $0.element })
            guard known > 0, count % known == 0 else {
                throw TensorError.shapeMismatch(
                    "cannot reshape \(Tensor.describe(shape)) (\(count) elements) into \(Tensor.describe(newShape))")
            }
            resolved[slot] = count / known
        }
        let newCount = try Tensor.elementCount(of: resolved)
        guard newCount == count else {
            throw TensorError.shapeMismatch(
                "cannot reshape \(Tensor.describe(shape)) (\(count) elements) into \(Tensor.describe(resolved)) (\(newCount) elements)")
        }
        return Tensor(validatedShape: resolved, scalars: scalars)
    }

    /// The elements as a rank-1 tensor.
    public func flattened() -> Tensor {
        Tensor(validatedShape: [count], scalars: scalars)
    }
}

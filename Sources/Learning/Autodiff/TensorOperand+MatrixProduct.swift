import Tensors

extension TensorOperand {
    /// The matrix product `self @ other` (ranks 1 and 2, numpy's rules). With A as m×k (a
    /// vector as 1×k) and B as k×n (a vector as k×1): ∂A = G Bᵀ and ∂B = Aᵀ G, G the output
    /// gradient as m×n, each reshaped back to its operand's shape.
    public func matmul(_ other: TensorOperand, control: ExecutionControl) throws -> TensorOperand {
        let a = value, b = other.value
        let result = try a.matmul(b, control: control)
        return TensorOperand.result(result, of: [self, other]) { g, input in
            let left = try a.reshaped(a.rank == 1 ? [1, a.count] : a.shape)
            let right = try b.reshaped(b.rank == 1 ? [b.count, 1] : b.shape)
            let gradient = try g.reshaped([left.shape[0], right.shape[1]])
            if input == 0 {
                let product = try gradient.matmul(right.transposed(control: control), control: control)
                return try product.reshaped(a.shape)
            }
            let product = try left.transposed(control: control).matmul(gradient, control: control)
            return try product.reshaped(b.shape)
        }
    }
}

import Tensors

extension TensorOperand {
    /// The matrix product `self @ other` with numpy's rules (vectors, matrices, and stacks whose
    /// leading axes broadcast). With A as …×m×k (a vector as 1×k) and B as …×k×n (a vector as
    /// k×1): ∂A = G·Bᵀ and ∂B = Aᵀ·G, G the output gradient as …×m×n, each summed over the
    /// stack axes its operand was broadcast along and reshaped back to the operand's shape. The
    /// transposes are the GEMM's transposed operands, never copies.
    public func matmul(_ other: TensorOperand, control: ExecutionControl) throws -> TensorOperand {
        let a = value, b = other.value
        let result = try a.matmul(b, control: control)
        return TensorOperand.result(result, of: [self, other]) { g, input in
            let left = try a.reshaped(a.rank == 1 ? [1, a.count] : a.shape)
            let right = try b.reshaped(b.rank == 1 ? [b.count, 1] : b.shape)
            let batch = try Tensor.broadcastShape(Array(left.shape.dropLast(2)), Array(right.shape.dropLast(2)))
            let gradient = try g.reshaped(batch + [left.shape[left.rank - 2], right.shape[right.rank - 1]])
            if input == 0 {
                let product = try gradient.matmul(right, transposingRight: true, control: control)
                return try product.summed(toShape: left.shape, control: control).reshaped(a.shape)
            }
            let product = try left.matmul(gradient, transposingLeft: true, control: control)
            return try product.summed(toShape: right.shape, control: control).reshaped(b.shape)
        }
    }
}

import Tensors

extension Value {
    /// `M @ x` for a sparse matrix M: x a vector of M's column count (flatten images first)
    /// or a matrix with that many rows; anything else is a TypeError or ShapeError.
    static func sparseProduct(_ matrix: SparseMatrix, _ operand: Value, control: ExecutionControl) throws -> Value {
        switch operand {
        case .tensor, .number, .tuple, .list:
            guard let tensor = BoundArguments.tensor(from: operand) else { break }
            return Value(tensor: try matrix.multiply(tensor, control: control))
        default:
            break
        }
        throw RuntimeError(.type, "a sparse matrix multiplies a tensor with '@', found \(operand.typeDescription)")
    }
}

import Tensors

extension ConvolutionGradient {
    /// ∂L/∂w for the output gradient `g` (N×O×Ho×Wo) and the input `x` (N×C×H×W):
    /// O × C/G × kH × kW, each weight the sum of g · x over every position that used it
    /// (`Tensor.correlationWeightGradient`, on the forward pass's micro-kernels).
    func weightGradient(_ g: Tensor, input x: Tensor, control: ExecutionControl) throws -> Tensor {
        try x.correlationWeightGradient(outputGradient: g, groups: groups, rows: rows, columns: columns, control: control)
    }
}

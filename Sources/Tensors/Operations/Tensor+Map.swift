extension Tensor {
    /// Applies `transform` to every element, keeping the shape.
    public func map(_ transform: (Double) -> Double) -> Tensor {
        Tensor(validatedShape: shape, scalars: scalars.map(transform))
    }

    /// Applies `transform` to every element, checking `control` for an interrupt every 64 Ki elements.
    func mapChecked(control: ExecutionControl, _ transform: (Double) -> Double) throws -> Tensor {
        var result = scalars
        for index in result.indices {
            if index & 0xFFFF == 0 { try control.checkInterrupt() }
            result[index] = transform(result[index])
        }
        return Tensor(validatedShape: shape, scalars: result)
    }
}

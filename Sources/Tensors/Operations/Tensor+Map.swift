extension Tensor {
    /// Applies `transform` to every element, keeping the shape (and the layout: the elements
    /// are visited in storage order).
    public func map(_ transform: (Double) -> Double) -> Tensor {
        Tensor(validatedShape: shape, storage: storage.map(transform), axisOrder: axisOrder)
    }

    /// Applies `transform` to every element, checking `control` for an interrupt every 64 Ki elements.
    func mapChecked(control: ExecutionControl, _ transform: (Double) -> Double) throws -> Tensor {
        var result = storage
        for index in result.indices {
            if index & 0xFFFF == 0 { try control.checkInterrupt() }
            result[index] = transform(result[index])
        }
        return Tensor(validatedShape: shape, storage: result, axisOrder: axisOrder)
    }
}

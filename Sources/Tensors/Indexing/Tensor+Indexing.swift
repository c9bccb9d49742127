extension Tensor {
    /// numpy basic indexing: indices drop their axis, slices keep it, missing components
    /// select whole trailing axes. Throws `indexOutOfRange` with the axis, index and size.
    public func subscripted(_ components: [TensorIndex], control: ExecutionControl) throws -> Tensor {
        if let block = try leadingIndexBlock(components) { return block }
        let (view, shape) = try region(components, strides: storageStrides)
        let count = view.count
        try control.checkAllocation(count)
        return Tensor(validatedShape: shape, scalars: try view.gather(from: storage, control: control))
    }

    /// Indices alone on a row-major tensor (`y[0]`, `x[i, j]` of a stack) select one contiguous
    /// block: a copy of that slice of storage, without the strided view (callgrind, a 64-element
    /// row `y[0]` of a 64² tensor in a loop: 9,099 → 3,702 instructions per call). Nil when a
    /// component is a slice or the layout is not row-major.
    private func leadingIndexBlock(_ components: [TensorIndex]) throws -> Tensor? {
        guard isRowMajor, components.count <= rank else { return nil }
        var offset = 0
        for (axis, component) in components.enumerated() {
            guard case .index = component else { return nil }
            offset = offset * shape[axis] + (try AxisSelection(component, axis: axis, size: shape[axis])).start
        }
        let trailing = shape[components.count...]
        let length = trailing.reduce(1, *)
        return Tensor(validatedShape: Array(trailing), scalars: Array(storage[(offset * length)..<((offset + 1) * length)]))
    }

    /// Assigns `value`, broadcast to the selected region's shape, into the region (in place,
    /// whatever the layout).
    public mutating func assign(_ value: Tensor, at components: [TensorIndex], control: ExecutionControl) throws {
        let (view, shape) = try region(components, strides: storageStrides)
        let joined = try Tensor.broadcastShape(value.shape, shape)
        guard joined == shape else {
            throw TensorError.shapeMismatch(
                "cannot assign a value of shape \(Tensor.describe(value.shape)) to a region of shape \(Tensor.describe(shape))")
        }
        let values = try value.broadcast(to: shape, control: control)
        forgetRowMajorCopy()
        try view.scatter(values.scalars, into: &storage, control: control)
    }

    /// The strided view the components select in storage with `ownStrides`, and the resulting
    /// shape (dropped axes removed).
    func region(_ components: [TensorIndex], strides ownStrides: [Int]) throws -> (StridedView, [Int]) {
        guard components.count <= rank else {
            throw TensorError.indexOutOfRange(
                "too many indices: the tensor has rank \(rank), but \(components.count) were given")
        }
        var view = StridedView(base: 0, shape: [], strides: [])
        var resultShape: [Int] = []
        for axis in 0..<rank {
            let component = axis < components.count ? components[axis] : .all
            let selection = try AxisSelection(component, axis: axis, size: shape[axis])
            view.base += selection.count > 0 ? selection.start * ownStrides[axis] : 0
            view.shape.append(selection.count)
            view.strides.append(selection.step * ownStrides[axis])
            if !selection.dropsAxis { resultShape.append(selection.count) }
        }
        return (view, resultShape)
    }
}

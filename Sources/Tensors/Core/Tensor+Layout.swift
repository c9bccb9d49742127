import Synchronization

/// How a tensor's elements sit in its storage (see `Tensor.axisOrder`): row-major, or the axes
/// laid out in another order after a transpose, which copies nothing.
///
/// Why a transpose is not copied: numpy's `x.T` is a view and `x.T + 1` runs one contiguous
/// pass whose result keeps the transposed layout (`order='K'`), while a copied transpose and
/// then the add were two passes and the transpose the slower one (1024²: 0.26 ms numpy against
/// 0.73 ms, issue 20's `x.T + 0` row at 0.07×). Learning transposes all the time (`x.T @ g`,
/// `g.T`), and `@` reads a transposed operand through strides anyway.
extension Tensor {
    /// Whether the elements are stored in row-major order, so that `scalars` is the storage
    /// itself rather than a copy.
    public var isRowMajor: Bool { layout == nil }

    /// Each axis's step in `storage`: the row-major strides of the axes taken in storage order,
    /// put back in the axes' own order (`strides` when the tensor is row-major).
    var storageStrides: [Int] {
        guard let order = axisOrder else { return strides }
        let stored = Tensor.strides(for: order.map { shape[$0] })
        var result = [Int](repeating: 0, count: rank)
        for (position, axis) in order.enumerated() { result[axis] = stored[position] }
        return result
    }

    /// The storage seen as a row-major tensor of the axes in storage order (shape permuted by
    /// `axisOrder`): what the kernels run over when they need not know the layout.
    var storedTensor: Tensor {
        guard let order = axisOrder else { return self }
        return Tensor(validatedShape: order.map { shape[$0] }, scalars: storage)
    }

    /// The elements in row-major order for a tensor laid out otherwise (`scalars`): copied on
    /// the calling thread the first time (the blocked transpose kernel for a transposed plane),
    /// then kept, so that code reading `scalars` element by element stays linear.
    @usableFromInline
    func rowMajorElements() -> [Double] {
        guard let layout else { return storage }
        return layout.rowMajorCopy.withLock { elements in
            if let elements { return elements }
            let made = StridedView(base: 0, shape: shape, strides: storageStrides).gather(from: storage)
            elements = made
            return made
        }
    }

    /// This tensor with its elements in row-major order: itself when they already are, else a
    /// copy made over every core, checking `control`'s interrupt between chunks.
    public func rowMajor(control: ExecutionControl) throws -> Tensor {
        guard axisOrder != nil else { return self }
        let view = StridedView(base: 0, shape: shape, strides: storageStrides)
        return Tensor(validatedShape: shape, scalars: try view.gather(from: storage, control: control))
    }

    /// The same elements stored with the axes laid out in `order` (nil: row-major), copied over
    /// every core unless they already are.
    func laidOut(_ order: [Int]?, control: ExecutionControl) throws -> Tensor {
        guard order != axisOrder else { return self }
        guard let order else { return try rowMajor(control: control) }
        let own = storageStrides
        let view = StridedView(base: 0, shape: order.map { shape[$0] }, strides: order.map { own[$0] })
        return Tensor(validatedShape: shape, storage: try view.gather(from: storage, control: control), axisOrder: order)
    }
}

/// The layout of a tensor whose axes are not stored in their own order: the order, and the
/// row-major copy of its elements, filled in on first use.
///
/// Shared by the copies of one tensor value (they share its storage too); the copy is filled
/// at most once under a lock since the tensor may be read from several threads, and a tensor
/// whose storage is written gets a fresh layout (`forgetRowMajorCopy`).
@usableFromInline
final class AxisLayout: Sendable {
    /// The axes in the order they are laid out in storage, outermost first; never the identity.
    @usableFromInline let axisOrder: [Int]
    /// The row-major elements, once `rowMajorElements()` has made them.
    let rowMajorCopy = Mutex<[Double]?>(nil)

    init(axisOrder: [Int]) {
        self.axisOrder = axisOrder
    }
}

extension Tensor: Equatable {
    /// Equal shapes and equal elements position by position, whatever the layouts.
    public static func == (lhs: Tensor, rhs: Tensor) -> Bool {
        guard lhs.shape == rhs.shape else { return false }
        if lhs.axisOrder == rhs.axisOrder { return lhs.storage == rhs.storage }
        return lhs.scalars == rhs.scalars
    }
}

extension Tensor {
    /// A tensor of `shape` (`count` elements, already checked against the cap) whose storage
    /// `initialize` fills, every element of it, in the layout `axisOrder` (nil: row-major).
    ///
    /// The storage is not zero-filled first: a result written once costs one pass over memory,
    /// not two (at 2048², `x * 2` spent as long filling zeros as computing). `initialize` is not
    /// called for an empty tensor; if it throws (an interrupt), the tensor is discarded. Large
    /// storage goes on huge pages (`AllocatorPolicy.adviseHugePages`); public so that the
    /// `Learning` target's results are allocated the same way.
    public init(uninitializedShape shape: [Int], count: Int, axisOrder: [Int]? = nil,
         _ initialize: (UnsafeMutablePointer<Double>) throws -> Void) rethrows {
        let scalars = try [Double](tensorStorageCapacity: count) { buffer, initialized in
            // Double is trivial: marking every element initialised up front is safe even when
            // `initialize` throws, since nothing reads or deinitialises the elements then.
            initialized = count
            if let base = buffer.baseAddress, count > 0 { try initialize(base) }
        }
        self.init(validatedShape: shape, storage: scalars, axisOrder: axisOrder)
    }
}

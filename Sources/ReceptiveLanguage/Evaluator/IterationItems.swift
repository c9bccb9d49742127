import Tensors

/// What a `for` loop walks.
enum IterationItems {
    /// The items of a tuple, list or string.
    case values([Value])
    /// The numbers of a vector: no slice (and no allocation) per iteration.
    case numbers([Double])
    /// The first axis of a tensor of rank 2 or more, sliced as the loop goes.
    case slices(Tensor)
}

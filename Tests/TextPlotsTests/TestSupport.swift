import Tensors

extension ExecutionControl {
    /// A new control with the default cap and no interrupt pending, for a drawing whose test
    /// neither interrupts nor changes the cap; no two uses share one.
    static var fresh: ExecutionControl { ExecutionControl() }
}

import Synchronization

/// What one session's long operations consult: its interrupt flag, its allocation cap and the
/// observer of its progress.
///
/// Each session owns one and hands it down to every tensor operation that allocates or loops
/// long (a `control:` parameter), so two sessions in one process never see each other's
/// limits or interrupts. There is no process-wide control.
///
/// The kernel's control thread sets the interrupt flag while the shell thread computes, and
/// the worker threads of a parallel loop read it, so the flag and the cap are atomics; loops
/// call `checkInterrupt()` every few thousand iterations.
public final class ExecutionControl: Sendable {
    /// The default cap on the number of elements of one tensor: 2^28 (2 GiB of Double).
    public static let defaultMaxElements = 1 << 28

    // Visible to inlined code: the interpreter reads the flag on every loop iteration and call,
    // where a call across the module boundary cost as much as the iteration's arithmetic.
    @usableFromInline let interruptFlag = Atomic<Bool>(false)
    // Visible to inlined code too: read on every append and comprehension item.
    @usableFromInline let elementCap: Atomic<Int>
    /// The progress observer and whether a tracked operation is running (see `trackProgress`).
    let progress = Mutex(ProgressState())

    /// Creates a control with no interrupt pending and a cap of `maxElements` (at least 1).
    public init(maxElements: Int = ExecutionControl.defaultMaxElements) {
        elementCap = Atomic(max(1, maxElements))
    }

    /// Asks every running operation to stop at its next check.
    public func requestInterrupt() { interruptFlag.store(true, ordering: .releasing) }

    /// Forgets a pending interrupt; called when a new cell starts.
    public func clearInterrupt() { interruptFlag.store(false, ordering: .releasing) }

    /// Whether an interrupt is pending.
    @inlinable
    public var isInterruptRequested: Bool { interruptFlag.load(ordering: .acquiring) }

    /// Throws `TensorError.interrupted` when an interrupt is pending.
    @inline(__always)
    public func checkInterrupt() throws {
        if interruptFlag.load(ordering: .relaxed) { throw TensorError.interrupted }
    }

    /// The largest number of elements one tensor may have (at least 1).
    public var maxElements: Int {
        @inlinable get { elementCap.load(ordering: .relaxed) }
        set { elementCap.store(max(1, newValue), ordering: .relaxed) }
    }

    /// Throws `TensorError.limitExceeded` when `count` elements would exceed the cap.
    public func checkAllocation(_ count: Int) throws {
        let cap = maxElements
        guard count <= cap else {
            throw TensorError.limitExceeded(
                "a tensor of \(count) elements exceeds the cap of \(cap); use smaller sizes or raise it with set(max_elements:)")
        }
    }
}

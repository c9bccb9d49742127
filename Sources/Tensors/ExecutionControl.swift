import Synchronization

/// Process-wide switches that long operations consult: the interrupt flag and the allocation cap.
///
/// The kernel's control thread sets the interrupt flag while the shell thread computes, so
/// both are atomics; loops call `checkInterrupt()` every few thousand iterations.
public final class ExecutionControl: Sendable {
    /// The control every operation consults: the process-wide one, or the one a task scoped
    /// with `withIsolated` (so that parallel tests can change the cap or interrupt without
    /// disturbing each other).
    public static var shared: ExecutionControl { scoped ?? process }

    private static let process = ExecutionControl()

    @TaskLocal private static var scoped: ExecutionControl?

    /// Runs `body` with a fresh control (default cap, no interrupt) in effect for this task.
    public static func withIsolated<Result>(_ body: (ExecutionControl) throws -> Result) rethrows -> Result {
        let control = ExecutionControl()
        return try $scoped.withValue(control) { try body(control) }
    }

    /// The default cap on the number of elements of one tensor: 2^28 (2 GiB of Double).
    public static let defaultMaxElements = 1 << 28

    private let interruptFlag = Atomic<Bool>(false)
    private let elementCap = Atomic<Int>(ExecutionControl.defaultMaxElements)

    /// Creates a control with the default cap and no interrupt pending.
    public init() {}

    /// Asks every running operation to stop at its next check.
    public func requestInterrupt() { interruptFlag.store(true, ordering: .releasing) }

    /// Forgets a pending interrupt; called when a new cell starts.
    public func clearInterrupt() { interruptFlag.store(false, ordering: .releasing) }

    /// Whether an interrupt is pending.
    public var isInterruptRequested: Bool { interruptFlag.load(ordering: .acquiring) }

    /// Throws `TensorError.interrupted` when an interrupt is pending.
    @inline(__always)
    public func checkInterrupt() throws {
        if interruptFlag.load(ordering: .relaxed) { throw TensorError.interrupted }
    }

    /// The largest number of elements one tensor may have.
    public var maxElements: Int {
        get { elementCap.load(ordering: .relaxed) }
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

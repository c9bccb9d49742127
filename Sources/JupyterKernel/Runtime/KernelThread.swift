import Dispatch
import Foundation

/// A named thread that can be waited for.
final class KernelThread: Sendable {
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `body` at once on a new thread with a stack of `stackSize` bytes.
    init(name: String, stackSize: Int = 1 << 20, _ body: @escaping @Sendable () -> Void) {
        let finished = finished
        let thread = Thread {
            body()
            finished.signal()
        }
        thread.name = name
        thread.stackSize = stackSize
        thread.start()
    }

    /// Waits for the thread to end (for a thread that ends soon by itself; once only, as the
    /// signal is consumed).
    func join() {
        finished.wait()
    }

    /// Waits up to `seconds` for the thread to end; false when it is still running.
    @discardableResult
    func join(seconds: Double) -> Bool {
        finished.wait(timeout: .now() + seconds) == .success
    }
}

import Foundation

/// Runs work on a thread with a large stack, so deep (but limited) recursion in the parser
/// and evaluator cannot overflow the caller's smaller stack.
enum LargeStack {
    /// The stack reserved for evaluation; pages are committed only when touched.
    static let size = 512 << 20

    /// Runs `body` on a fresh thread and waits for its result, or in place when the calling
    /// thread's own stack is as large (the kernel's shell thread): starting a thread cost
    /// 0.04–0.09 ms of every execute round trip.
    static func run<T>(_ body: () -> T) -> T {
        if Thread.current.stackSize >= size { return body() }
        return withoutActuallyEscaping(body) { body in
            let work = Work(body)
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                work.run()
                done.signal()
            }
            thread.stackSize = size
            thread.start()
            done.wait()
            // The thread always sets the result before signalling; the fallback only satisfies the type.
            return work.result ?? body()
        }
    }

    // The caller blocks until the thread finishes, so the closure and result are never
    // touched by two threads at once; that is what makes the unchecked conformance sound.
    private final class Work<T>: @unchecked Sendable {
        private var body: (() -> T)?
        private(set) var result: T?

        init(_ body: @escaping () -> T) { self.body = body }

        // Drops the closure once run: the thread object outlives this call, and the closure
        // must not (it is only borrowed through `withoutActuallyEscaping`).
        func run() {
            result = body?()
            body = nil
        }
    }
}

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signals a command handles itself (the kernel's SIGINT and SIGTERM, the REPL's SIGINT), taken
/// by one thread in `sigwait` instead of by a handler.
///
/// `hold` blocks them in the calling thread before the command starts any other thread, so
/// every thread inherits the mask; `serve` then takes them on a thread of its own. A blocked
/// signal is never discarded: it stays pending until `sigwait` takes it, so one sent at any
/// moment after `hold` reaches the action. The dispatch signal sources this replaces (set to
/// SIG_IGN, then claimed by libdispatch some time after `resume()`) lost one kernel SIGTERM in
/// about 75 sent in the first 20 ms, and that kernel kept running. Before `hold` the default
/// actions apply: the process ends, which is what was asked. (Neither command starts a child
/// process that would inherit the mask.)
struct HeldSignals: Sendable {
    private let set: sigset_t

    /// Blocks `numbers` in this thread and in every thread it starts from now on.
    static func hold(_ numbers: [Int32]) -> HeldSignals {
        var set = sigset_t()
        sigemptyset(&set)
        for number in numbers { sigaddset(&set, number) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
        return HeldSignals(set: set)
    }

    /// Runs `action` with the number of each held signal as it arrives, from a thread that waits
    /// for them for the rest of the process's life.
    func serve(_ action: @escaping @Sendable (Int32) -> Void) {
        let set = self.set
        Thread.detachNewThread {
            var waited = set
            while true {
                var number: Int32 = 0
                guard sigwait(&waited, &number) == 0 else { continue }
                action(number)
            }
        }
    }
}

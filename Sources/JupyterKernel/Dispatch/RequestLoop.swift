import Foundation
import Logging

/// Serves one request channel on its own thread until the kernel stops.
final class RequestLoop {
    private let channel: RequestChannel
    private let dispatcher: RequestDispatcher
    private let lifecycle: KernelLifecycle
    private let logger: Logger

    init(channel: RequestChannel, dispatcher: RequestDispatcher, lifecycle: KernelLifecycle, logger: Logger) {
        self.channel = channel
        self.dispatcher = dispatcher
        self.lifecycle = lifecycle
        self.logger = logger
    }

    /// Serves requests until the lifecycle says stop; wakes every `pollMilliseconds` to check.
    func run(pollMilliseconds: Int = 100) {
        while !lifecycle.isStopping {
            if !step(timeoutMilliseconds: pollMilliseconds) { return }
        }
    }

    /// Handles the next request if one arrives within the timeout; false when the channel failed.
    @discardableResult
    func step(timeoutMilliseconds: Int) -> Bool {
        do {
            guard let frames = try channel.receive(timeoutMilliseconds: timeoutMilliseconds) else { return true }
            follow(dispatcher.handle(frames))
            return true
        } catch {
            logger.error("request channel failed: \(error)")
            lifecycle.requestShutdown(restart: false)
            return false
        }
    }

    private func follow(_ followup: Response.Followup) {
        switch followup {
        case .none:
            break
        case .shutdown(let restart):
            lifecycle.requestShutdown(restart: restart)
        case .abortQueuedExecutions:
            // What was waiting before the failure's reply is answered unrun; later requests run.
            for frames in dispatcher.takeQueuedBeforeFailure() {
                if case .shutdown(let restart) = dispatcher.handle(frames, abortingQueue: true) {
                    lifecycle.requestShutdown(restart: restart)
                }
            }
        }
    }
}

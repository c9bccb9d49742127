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
            if case .shutdown(let restart) = dispatcher.handle(frames) { lifecycle.requestShutdown(restart: restart) }
            return true
        } catch {
            logger.error("request channel failed: \(error)")
            lifecycle.requestShutdown(restart: false)
            return false
        }
    }
}

import Foundation

/// When a progress bar appears and how often it redraws; tests inject a clock and delay.
struct ProgressTiming: Sendable {
    /// How long an operation runs before its bar first appears.
    var delay: Duration
    /// The least time between two redraws.
    var interval: Duration = .milliseconds(100)
    /// The current time.
    var now: @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }

    /// The environment variable that overrides the delay, in milliseconds (tests set it low).
    static let delayVariable = "RECEPTIVE_PROGRESS_DELAY_MS"

    /// One second before the first draw, unless `RECEPTIVE_PROGRESS_DELAY_MS` says otherwise.
    static var standard: ProgressTiming {
        let milliseconds = ProcessInfo.processInfo.environment[delayVariable].flatMap { Int($0) }
        return ProgressTiming(delay: .milliseconds(max(0, milliseconds ?? 1000)))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `date` of a message header: UTC ISO 8601 with microseconds, as ipykernel sends
/// (`2026-01-01T12:00:00.123456Z`). Formatted by hand because Foundation's ISO 8601 style
/// cost more than the rest of making a message.
public enum WireTimestamp {
    /// The current time.
    public static func now() -> String {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return format(seconds: time.tv_sec, microseconds: Int(time.tv_nsec) / 1000)
    }

    /// `seconds` since the Unix epoch plus `microseconds` (0..<1_000_000), in UTC.
    static func format(seconds: time_t, microseconds: Int) -> String {
        var seconds = seconds
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var text: [UInt8] = []
        text.reserveCapacity(27)
        func append(_ value: Int, digits: Int, then separator: Character?) {
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
            if let separator, let ascii = separator.asciiValue { text.append(ascii) }
        }
        append(Int(parts.tm_year) + 1900, digits: 4, then: "-")
        append(Int(parts.tm_mon) + 1, digits: 2, then: "-")
        append(Int(parts.tm_mday), digits: 2, then: "T")
        append(Int(parts.tm_hour), digits: 2, then: ":")
        append(Int(parts.tm_min), digits: 2, then: ":")
        append(Int(parts.tm_sec), digits: 2, then: ".")
        append(microseconds, digits: 6, then: "Z")
        return String(decoding: text, as: UTF8.self)
    }
}

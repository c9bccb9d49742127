/// Why a figure could not be drawn; the message says what was expected, what was found and
/// what to do instead.
public enum TextPlotsError: Error, Sendable, Equatable {
    /// The input has the wrong shape, size or values for this kind of figure.
    case invalidInput(String)
    /// An option is out of its range.
    case invalidOption(String)

    /// The human-readable message.
    public var message: String {
        switch self {
        case .invalidInput(let text), .invalidOption(let text): return text
        }
    }
}

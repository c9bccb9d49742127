#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A terminal switched to raw input (no echo, no line buffering, Ctrl-C as a byte) until
/// `restore()`; output processing stays on so `\n` still starts a new line.
struct RawMode {
    private let descriptor: Int32
    private let original: termios

    /// Switches `descriptor` to raw input; nil when it is not a terminal or refuses.
    init?(descriptor: Int32) {
        var settings = termios()
        guard isatty(descriptor) != 0, tcgetattr(descriptor, &settings) == 0 else { return nil }
        self.descriptor = descriptor
        original = settings
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        settings.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &settings.c_cc) { controls in
            controls[Int(VMIN)] = 1
            controls[Int(VTIME)] = 0
        }
        guard tcsetattr(descriptor, TCSADRAIN, &settings) == 0 else { return nil }
    }

    /// Puts the terminal back as it was.
    func restore() {
        var settings = original
        _ = tcsetattr(descriptor, TCSADRAIN, &settings)
    }
}

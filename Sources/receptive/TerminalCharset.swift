import ArgumentParser
import Foundation
import TextPlots

/// The charset a front end's session starts with: `RECEPTIVE_CHARSET` when it is set, and
/// otherwise, in a terminal, ASCII unless the locale's character set is UTF-8 (a `LANG=C` CI
/// log, a serial console), so that nothing turns into question marks there.
enum TerminalCharset {
    /// The environment variable that overrides the default: "unicode" or "ascii".
    static let variable = "RECEPTIVE_CHARSET"

    /// The charset for `receptive run`, `repl` and `help`: the variable, else the locale's.
    static func forTerminal(environment: [String: String]) throws(CommandError) -> Charset {
        try override(environment: environment) ?? (localeIsUTF8(environment: environment) ? .unicode : .ascii)
    }

    /// The charset for the Jupyter kernel: the variable, else Unicode (notebooks and browsers
    /// show Unicode whatever the server's locale).
    static func forKernel(environment: [String: String]) throws(CommandError) -> Charset {
        try override(environment: environment) ?? .unicode
    }

    /// The charset this process's session starts with (`forKernel` or `forTerminal`); an
    /// unusable `RECEPTIVE_CHARSET` ends the command with its message on stderr (exit status 2).
    static func atStartup(kernel: Bool = false) throws -> Charset {
        let environment = ProcessInfo.processInfo.environment
        do {
            return try kernel ? forKernel(environment: environment) : forTerminal(environment: environment)
        } catch {
            FileHandle.standardError.write(Data("receptive: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    /// The charset `RECEPTIVE_CHARSET` names; nil when it is unset or empty.
    static func override(environment: [String: String]) throws(CommandError) -> Charset? {
        guard let value = environment[variable], !value.isEmpty else { return nil }
        guard let charset = Charset(rawValue: value.lowercased()) else { throw .invalidCharset(value) }
        return charset
    }

    /// Whether the locale's character set is UTF-8. POSIX takes the character type from the
    /// first of `LC_ALL`, `LC_CTYPE` and `LANG` that is set and not empty, and from the "C"
    /// locale (ASCII) when none is; a locale name's character set follows its ".", as in
    /// `en_GB.UTF-8@euro` or `C.utf8`.
    ///
    /// The name is read rather than passed to `setlocale`: a container often names a UTF-8
    /// locale it has not installed, and its terminal still shows UTF-8.
    static func localeIsUTF8(environment: [String: String]) -> Bool {
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? "C"
        guard let dot = name.firstIndex(of: ".") else { return false }
        let codeset = name[name.index(after: dot)...].prefix { $0 != "@" }
        return codeset.lowercased().filter { $0 != "-" && $0 != "_" } == "utf8"
    }
}

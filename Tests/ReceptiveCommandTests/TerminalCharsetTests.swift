import Testing
import TextPlots
@testable import receptive

/// Which charset `receptive run`, `repl` and the kernel start with.
@Suite struct TerminalCharsetTests {
    @Test(arguments: [
        ([:], false),
        (["LANG": "C"], false),
        (["LANG": "POSIX"], false),
        (["LANG": "en_US"], false),
        (["LANG": "en_US.ISO-8859-1"], false),
        (["LANG": "en_US.UTF-8"], true),
        (["LANG": "C.utf8"], true),
        (["LANG": "de_DE.utf-8@euro"], true),
        (["LANG": "en_US.UTF-8", "LC_CTYPE": "C"], false),
        (["LANG": "C", "LC_CTYPE": "sv_SE.UTF-8"], true),
        (["LANG": "C", "LC_CTYPE": "sv_SE.UTF-8", "LC_ALL": "C"], false),
        (["LANG": "C", "LC_ALL": "C.UTF-8"], true),
        (["LANG": "C.UTF-8", "LC_ALL": ""], true),
        (["LANG": "C.UTF-8", "LC_ALL": "", "LC_CTYPE": ""], true),
    ] as [([String: String], Bool)])
    func localeFollowsPOSIXPrecedence(_ environment: [String: String], _ utf8: Bool) throws {
        #expect(TerminalCharset.localeIsUTF8(environment: environment) == utf8)
        #expect(try TerminalCharset.forTerminal(environment: environment) == (utf8 ? .unicode : .ascii))
    }

    @Test func theVariableOverridesTheLocaleAndTheKernelDefault() throws {
        #expect(try TerminalCharset.forTerminal(environment: ["LANG": "C", "RECEPTIVE_CHARSET": "unicode"]) == .unicode)
        #expect(try TerminalCharset.forTerminal(environment: ["LANG": "C.UTF-8", "RECEPTIVE_CHARSET": "ascii"]) == .ascii)
        #expect(try TerminalCharset.forTerminal(environment: ["LANG": "C", "RECEPTIVE_CHARSET": "ASCII"]) == .ascii)
        #expect(try TerminalCharset.forTerminal(environment: ["LANG": "C", "RECEPTIVE_CHARSET": ""]) == .ascii)
        #expect(try TerminalCharset.forKernel(environment: ["LANG": "C"]) == .unicode)
        #expect(try TerminalCharset.forKernel(environment: ["LANG": "C", "RECEPTIVE_CHARSET": "ascii"]) == .ascii)
    }

    @Test func anUnknownCharsetIsAnErrorThatSaysWhatIsValid() {
        #expect(throws: CommandError.invalidCharset("latin1")) {
            try TerminalCharset.forTerminal(environment: ["RECEPTIVE_CHARSET": "latin1"])
        }
        #expect(CommandError.invalidCharset("latin1").description
            == "RECEPTIVE_CHARSET must be \"unicode\" or \"ascii\", found \"latin1\"")
    }
}

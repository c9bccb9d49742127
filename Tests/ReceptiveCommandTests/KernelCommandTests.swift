import Testing
@testable import receptive

@Suite struct KernelCommandTests {
    @Test func onlyTheKernelspecsCommandLineSkipsArgumentParser() {
        #expect(KernelCommand.kernelspecSettings(["receptive", "kernel", "-f", "/run/k.json"])?.connectionFile == "/run/k.json")
        #expect(KernelCommand.kernelspecSettings(["receptive", "kernel", "--connection-file", "k.json"])?.connectionFile == "k.json")
        // Anything else is ArgumentParser's: other options, help, a missing or option-like value.
        #expect(KernelCommand.kernelspecSettings(["receptive", "kernel", "-f", "k.json", "--no-history-file"]) == nil)
        #expect(KernelCommand.kernelspecSettings(["receptive", "kernel", "-f", "--help"]) == nil)
        #expect(KernelCommand.kernelspecSettings(["receptive", "kernel", "-f"]) == nil)
        #expect(KernelCommand.kernelspecSettings(["receptive", "run", "-f", "k.json"]) == nil)
        #expect(KernelCommand.kernelspecSettings(["receptive", "kernel", "--history-file", "h.sqlite"]) == nil)
    }

    /// The shortcut must serve exactly what ArgumentParser would have parsed from the same line.
    @Test(arguments: [["-f", "/run/k.json"], ["--connection-file", "k.json"]])
    func theShortcutGivesArgumentParsersSettings(_ options: [String]) throws {
        let parsed = try KernelCommand.parse(options).settings
        #expect(KernelCommand.kernelspecSettings(["receptive", "kernel"] + options) == parsed)
    }
}

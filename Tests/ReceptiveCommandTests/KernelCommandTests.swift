import Testing
@testable import receptive

@Suite struct KernelCommandTests {
    @Test func onlyTheKernelspecsCommandLineSkipsArgumentParser() {
        #expect(KernelCommand.kernelspecConnectionFile(["receptive", "kernel", "-f", "/run/k.json"]) == "/run/k.json")
        #expect(KernelCommand.kernelspecConnectionFile(["receptive", "kernel", "--connection-file", "k.json"]) == "k.json")
        // Anything else is ArgumentParser's: other options, help, a missing or option-like value.
        #expect(KernelCommand.kernelspecConnectionFile(["receptive", "kernel", "-f", "k.json", "--no-history-file"]) == nil)
        #expect(KernelCommand.kernelspecConnectionFile(["receptive", "kernel", "-f", "--help"]) == nil)
        #expect(KernelCommand.kernelspecConnectionFile(["receptive", "kernel", "-f"]) == nil)
        #expect(KernelCommand.kernelspecConnectionFile(["receptive", "run", "-f", "k.json"]) == nil)
        #expect(KernelCommand.kernelspecConnectionFile(["receptive", "kernel", "--history-file", "h.sqlite"]) == nil)
    }
}

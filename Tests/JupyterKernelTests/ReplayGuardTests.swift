import Foundation
import JupyterProtocol
import Testing
@testable import JupyterKernel

@Test func aSignatureIsAdmittedOnceAndEmptySignaturesAlways() {
    let replayGuard = ReplayGuard(capacity: 4)
    #expect(replayGuard.admit(Data("a".utf8)))
    #expect(!replayGuard.admit(Data("a".utf8)))
    #expect(replayGuard.admit(Data()))
    #expect(replayGuard.admit(Data()))
}

@Test func theGuardForgetsTheOldestSignatureBeyondItsCapacity() {
    let replayGuard = ReplayGuard(capacity: 3)
    for name in ["a", "b", "c", "d"] { #expect(replayGuard.admit(Data(name.utf8))) }
    // "a" was evicted by "d"; "b", "c" and "d" are still remembered.
    #expect(replayGuard.admit(Data("a".utf8)))
    #expect(!replayGuard.admit(Data("c".utf8)))
    #expect(!replayGuard.admit(Data("d".utf8)))
}

@Test func theSignatureFrameIsTheOneAfterTheDelimiter() {
    let frames = [Data("id".utf8), WireCodec.delimiter, Data("sig".utf8), Data("{}".utf8)]
    #expect(ReplayGuard.signature(of: frames) == Data("sig".utf8))
    #expect(ReplayGuard.signature(of: [WireCodec.delimiter]).isEmpty)
    #expect(ReplayGuard.signature(of: [Data("junk".utf8)]).isEmpty)
}

@Test func aReplayedRequestIsDroppedWithoutReplyOrExecution() throws {
    let kernel = KernelHarness()
    let (_, frames) = kernel.request("execute_request", ["code": "1"])
    kernel.shellChannel.incoming.append(frames)
    kernel.serveShell()
    #expect(kernel.interpreter.executed.count == 1)
    #expect(kernel.shellChannel.sent.count == 1)
    kernel.shellChannel.incoming.append(frames)
    kernel.serveShell()
    #expect(kernel.interpreter.executed.count == 1)
    #expect(kernel.shellChannel.sent.count == 1)
}

import Foundation
import JupyterProtocol
import Testing
@testable import JupyterKernel

@Test func kernelInfoIsBracketedByBusyAndIdleOnShellAndControl() throws {
    let kernel = KernelHarness()
    let reply = try #require(try kernel.shellRequest("kernel_info_request"))
    #expect(reply.content["protocol_version"] == .string(ProtocolVersion.current))
    #expect(reply.content["language_info"]?["name"] == "script")
    #expect(reply.content["help_links"] == [["text": "Docs", "url": "https://example.org"]])
    #expect(try kernel.published().map(\.summary) == ["status:busy", "status:idle"])
    // Every message the kernel sends names the protocol version it reports.
    #expect(try ([reply] + kernel.published()).allSatisfy { $0.header.version == ProtocolVersion.current })

    let (id, frames) = kernel.request("kernel_info_request")
    kernel.controlChannel.incoming.append(frames)
    kernel.controlLoop.step(timeoutMilliseconds: 0)
    let controlReply = try kernel.codec.decode(try #require(kernel.controlChannel.sent.first))
    #expect(controlReply.parentHeader?.messageID == id)
    #expect(try kernel.published().suffix(2).map { $0.parentHeader?.messageID } == [id, id])
}

@Test func badlySignedMessagesAreDroppedWithoutReplyOrExecution() throws {
    let kernel = KernelHarness()
    let forged = WireCodec(key: "wrong-key").encode(Message(
        identities: [Data("x".utf8)], header: .fresh(.executeRequest, session: "s", username: "u"),
        content: ["code": "print pwned"]))
    kernel.shellChannel.incoming.append(forged)
    kernel.serveShell()
    #expect(kernel.interpreter.executed.isEmpty)
    #expect(kernel.shellChannel.sent.isEmpty)
    #expect(kernel.iopub.published.isEmpty)
}

@Test func malformedFramesAreDroppedAndTheKernelCarriesOn() throws {
    let kernel = KernelHarness()
    kernel.shellChannel.incoming.append([Data("garbage".utf8)])
    kernel.shellChannel.incoming.append([WireCodec.delimiter, Data("sig".utf8)])
    #expect(try kernel.shellRequest("execute_request", ["code": "1"])?.content["status"] == "ok")
    #expect(kernel.shellChannel.sent.count == 1)
}

@Test func unknownMessageTypesGetStatusButNoReply() throws {
    let kernel = KernelHarness()
    #expect(try kernel.shellRequest("frobnicate_request") == nil)
    #expect(try kernel.published().map(\.summary) == ["status:busy", "status:idle"])
}

@Test func completeInspectAndIsComplete() throws {
    let kernel = KernelHarness()
    let completion = try kernel.shellRequest("complete_request", ["code": "é a", "cursor_pos": 3])
    #expect(completion?.content["matches"] == ["alpha", "also"])
    #expect(completion?.content["cursor_start"] == 2)
    #expect(completion?.content["cursor_end"] == 3)
    // A cursor past the end is clamped to the code's length in code points.
    #expect(try kernel.shellRequest("complete_request", ["code": "é", "cursor_pos": 99])?.content["cursor_end"] == 1)

    #expect(try kernel.shellRequest("inspect_request", ["code": "abs", "cursor_pos": 1])?.content
        == ["status": "ok", "found": true, "data": ["text/plain": "doc of abs at 1"], "metadata": [:]])
    #expect(try kernel.shellRequest("inspect_request", ["code": ""])?.content["found"] == false)

    #expect(try kernel.shellRequest("is_complete_request", ["code": "fn f() {"])?.content
        == ["status": "incomplete", "indent": "    "])
    #expect(try kernel.shellRequest("is_complete_request", ["code": "}"])?.content == ["status": "invalid"])
    #expect(try kernel.shellRequest("is_complete_request", ["code": "1"])?.content == ["status": "complete"])
}

@Test func interruptOnControlReachesTheInterpreter() throws {
    let kernel = KernelHarness()
    kernel.controlChannel.incoming.append(kernel.request("interrupt_request").frames)
    kernel.controlLoop.step(timeoutMilliseconds: 0)
    #expect(kernel.interpreter.interrupts == 1)
    #expect(try kernel.codec.decode(try #require(kernel.controlChannel.sent.first)).content == ["status": "ok"])
}

@Test func shutdownRepliesThenStopsTheKernel() throws {
    let kernel = KernelHarness()
    kernel.controlChannel.incoming.append(kernel.request("shutdown_request", ["restart": true]).frames)
    kernel.controlLoop.step(timeoutMilliseconds: 0)
    #expect(try kernel.codec.decode(try #require(kernel.controlChannel.sent.first)).content
        == ["status": "ok", "restart": true])
    #expect(kernel.lifecycle.isStopping)
    #expect(kernel.lifecycle.waitForShutdown() == true)
}

import Foundation
import JupyterProtocol
import Testing
@testable import JupyterKernel

@Test func commOpenOnAnUnknownTargetIsAnsweredWithCommClose() throws {
    let kernel = KernelHarness()
    #expect(try kernel.shellRequest("comm_open", ["comm_id": "c1", "target_name": "t", "data": [:]]) == nil)
    let close = try #require(try kernel.published().first { $0.type == .commClose })
    #expect(close.content == ["comm_id": "c1", "data": [:]])
    #expect(try kernel.shellRequest("comm_info_request")?.content == ["status": "ok", "comms": [:]])
    #expect(kernel.interpreter.commEvents.isEmpty)
}

@Test func commOpenOnAServedTargetReachesTheInterpreterBetweenBusyAndIdle() throws {
    let kernel = KernelHarness()
    let id = kernel.queueShell("comm_open", ["comm_id": "c1", "target_name": "echo", "data": [:]])
    kernel.serveShell()
    let published = try kernel.published()
    #expect(published.map(\.summary) == ["status:busy", "comm_msg", "status:idle"])
    #expect(published.allSatisfy { $0.parentHeader?.messageID == id })
    #expect(published[1].content == ["comm_id": "c1", "data": ["opened": true]])
    #expect(kernel.interpreter.commEvents == ["open c1"])
    #expect(try kernel.shellRequest("comm_info_request")?.content
        == ["status": "ok", "comms": ["c1": ["target_name": "echo"]]])
}

@Test func aRefusedCommOpenIsClosedAndForgotten() throws {
    let kernel = KernelHarness()
    _ = try kernel.shellRequest("comm_open", ["comm_id": "c1", "target_name": "echo", "data": ["refuse": true]])
    #expect(try kernel.published().filter { $0.type == .commClose }.map(\.content) == [["comm_id": "c1", "data": [:]]])
    #expect(kernel.comms.listing(target: nil).isEmpty)
}

@Test func commMessagesReachTheInterpreterWithBuffersAndOutputIsParentedToThem() throws {
    let kernel = KernelHarness()
    _ = try kernel.shellRequest("comm_open", ["comm_id": "c1", "target_name": "echo"])
    let before = kernel.iopub.published.count
    let (id, frames) = kernel.request("comm_msg", ["comm_id": "c1", "data": ["x": 1]], buffers: [Data([9, 8])])
    kernel.shellChannel.incoming.append(frames)
    kernel.serveShell()
    let published = try kernel.published().dropFirst(before)
    #expect(published.map(\.summary) == ["status:busy", "stream", "comm_msg", "status:idle"])
    #expect(published.allSatisfy { $0.parentHeader?.messageID == id })
    let echo = try #require(published.first { $0.type == .commMessage })
    #expect(echo.content == ["comm_id": "c1", "data": ["echo": ["x": 1], "queued": false]])
    #expect(echo.buffers == [Data([9, 8])])
    #expect(kernel.shellChannel.sent.isEmpty, "comm_open and comm_msg have no reply")
}

@Test func aHandlerSeesThatANewerMessageForItsCommIsQueued() throws {
    let kernel = KernelHarness()
    _ = try kernel.shellRequest("comm_open", ["comm_id": "c1", "target_name": "echo"])
    _ = try kernel.shellRequest("comm_open", ["comm_id": "c2", "target_name": "echo"])
    let before = kernel.iopub.published.count
    kernel.queueShell("comm_msg", ["comm_id": "c1", "data": ["n": 1]])
    kernel.queueShell("comm_msg", ["comm_id": "c2", "data": ["n": 2]])
    kernel.queueShell("comm_msg", ["comm_id": "c1", "data": ["n": 3]])
    kernel.queueShell("kernel_info_request")
    kernel.serveShell()
    let echoes = try kernel.published().dropFirst(before).filter { $0.type == .commMessage }.map(\.content["data"])
    #expect(echoes == [["echo": ["n": 1], "queued": true], ["echo": ["n": 2], "queued": false],
                       ["echo": ["n": 3], "queued": false]])
    // Reading ahead lost and reordered nothing: the kernel_info request was answered last.
    #expect(try kernel.shellReplies().last?.type == MessageType(rawValue: "kernel_info_reply"))
}

@Test func unknownCommIDsAndBadCommMessagesAreIgnoredAndTheKernelAnswersTheNextRequest() throws {
    let kernel = KernelHarness()
    _ = try kernel.shellRequest("comm_open", ["comm_id": "c1", "target_name": "echo"])
    let before = kernel.iopub.published.count
    kernel.queueShell("comm_msg", ["comm_id": "nope", "data": ["x": 1]])
    kernel.queueShell("comm_msg", ["data": ["x": 1]])
    kernel.queueShell("comm_msg", ["comm_id": 42])
    kernel.queueShell("comm_close", ["comm_id": "nope"])
    kernel.queueShell("comm_open", ["target_name": "echo"])
    kernel.queueShell("comm_open", ["comm_id": "c1", "target_name": "echo"])
    kernel.serveShell()
    #expect(try kernel.published().dropFirst(before).map(\.summary)
        == Array(repeating: ["status:busy", "status:idle"], count: 6).flatMap { $0 })
    #expect(kernel.interpreter.commEvents == ["open c1"])
    #expect(try kernel.shellRequest("kernel_info_request")?.content["status"] == "ok")
    #expect(kernel.comms.listing(target: nil) == ["c1": "echo"])
}

@Test func commsOpenedByTheKernelAreListedAndCanBeClosedByEitherSide() throws {
    let kernel = KernelHarness()
    _ = try kernel.shellRequest("execute_request", ["code": "open k1"])
    let open = try #require(try kernel.published().first { $0.type == .commOpen })
    #expect(open.content == ["comm_id": "k1", "target_name": "echo", "data": ["from": "cell"]])
    #expect(open.metadata == ["version": "1"])
    #expect(open.buffers == [Data([1, 2, 3])])

    _ = try kernel.shellRequest("comm_open", ["comm_id": "f1", "target_name": "echo"])
    #expect(try kernel.shellRequest("comm_info_request", ["target_name": "echo"])?.content["comms"]
        == ["k1": ["target_name": "echo"], "f1": ["target_name": "echo"]])
    #expect(try kernel.shellRequest("comm_info_request", ["target_name": "other"])?.content["comms"] == [:])

    _ = try kernel.shellRequest("comm_close", ["comm_id": "f1", "data": [:]])
    #expect(kernel.interpreter.commEvents.last == "close f1")
    _ = try kernel.shellRequest("comm_msg", ["comm_id": "k1", "data": ["close": true]])
    #expect(try kernel.published().last { $0.type == .commClose }?.content == ["comm_id": "k1", "data": ["bye": true]])
    #expect(kernel.comms.listing(target: nil).isEmpty)
}

@Test func shutdownClosesEverySessionComm() throws {
    let kernel = KernelHarness()
    _ = try kernel.shellRequest("comm_open", ["comm_id": "b", "target_name": "echo"])
    _ = try kernel.shellRequest("comm_open", ["comm_id": "a", "target_name": "echo"])
    let (id, frames) = kernel.request("shutdown_request", ["restart": true])
    kernel.controlChannel.incoming.append(frames)
    kernel.controlLoop.step(timeoutMilliseconds: 0)
    let closes = try kernel.published().filter { $0.type == .commClose }
    #expect(closes.map(\.content) == [["comm_id": "a", "data": [:]], ["comm_id": "b", "data": [:]]])
    #expect(closes.allSatisfy { $0.parentHeader?.messageID == id })
    #expect(kernel.comms.listing(target: nil).isEmpty)
}

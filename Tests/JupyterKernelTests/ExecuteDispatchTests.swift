import Foundation
import JupyterProtocol
import Testing
@testable import JupyterKernel

@Test func executePublishesInputOutputAndResultBetweenBusyAndIdle() throws {
    let kernel = KernelHarness()
    let reply = try #require(try kernel.shellRequest("execute_request", ["code": "print hi"]))
    #expect(reply.type.rawValue == "execute_reply")
    #expect(reply.content["status"] == "ok")
    #expect(reply.content["execution_count"] == 1)
    #expect(reply.identities == [Data("client-7".utf8)])

    let messages = try kernel.published()
    #expect(messages.map(\.summary) == ["status:busy", "execute_input", "stream", "status:idle"])
    #expect(messages.allSatisfy { $0.parentHeader?.messageID == reply.parentHeader?.messageID })
    #expect(messages[1].content["code"] == "print hi")
    #expect(messages[2].content == ["name": "stdout", "text": "hi\n"])
    #expect(Set(messages.map(\.header.messageID)).count == messages.count)
}

@Test func executionCountAdvancesOnlyForStoredHistory() throws {
    let kernel = KernelHarness()
    #expect(try kernel.shellRequest("execute_request", ["code": "1"])?.content["execution_count"] == 1)
    #expect(try kernel.shellRequest("execute_request", ["code": "2", "store_history": false])?
        .content["execution_count"] == 1)
    #expect(try kernel.shellRequest("execute_request", ["code": "3"])?.content["execution_count"] == 2)
    let results = try kernel.published().filter { $0.type == .executeResult }
    #expect(results.map { $0.content["execution_count"] } == [1, 1, 2])
    #expect(results.map { $0.content["data"] } == [["text/plain": "1"], ["text/plain": "2"], ["text/plain": "3"]])
}

@Test func silentExecutionPublishesOnlyStatus() throws {
    let kernel = KernelHarness()
    let reply = try kernel.shellRequest("execute_request", ["code": "print quiet", "silent": true])
    #expect(reply?.content["status"] == "ok")
    #expect(reply?.content["execution_count"] == 0)
    #expect(try kernel.published().map(\.summary) == ["status:busy", "status:idle"])
    #expect(kernel.interpreter.executed == ["print quiet"])
}

@Test func errorIsPublishedAndReplied() throws {
    let kernel = KernelHarness()
    let reply = try #require(try kernel.shellRequest("execute_request", ["code": "fail"]))
    #expect(reply.content["status"] == "error")
    #expect(reply.content["ename"] == "ValueError")
    #expect(reply.content["traceback"] == ["ValueError: failed"])
    #expect(try kernel.published().map(\.summary) == ["status:busy", "execute_input", "error", "status:idle"])
}

@Test func queuedExecutionsAfterAnErrorAreAnsweredWithErrorsAndNotRun() throws {
    let kernel = KernelHarness()
    kernel.queueShell("execute_request", ["code": "fail"])
    kernel.queueShell("execute_request", ["code": "second"])
    kernel.queueShell("kernel_info_request")
    kernel.queueShell("execute_request", ["code": "third"])
    kernel.serveShell()
    #expect(kernel.interpreter.executed == ["fail"])
    let replies = try kernel.shellReplies()
    #expect(replies.map(\.type.rawValue) == ["execute_reply", "execute_reply", "kernel_info_reply", "execute_reply"])
    #expect(replies.map { $0.content["status"] } == ["error", "error", "ok", "error"])
    #expect(replies[1].content["ename"] == "ExecutionAborted")
    // Every request, aborted or not, is still bracketed by busy and idle.
    #expect(try kernel.published().filter { $0.type == .status }.count == 8)

    #expect(try kernel.shellRequest("execute_request", ["code": "later"])?.content["status"] == "ok")
    #expect(kernel.interpreter.executed == ["fail", "later"])
}

@Test func stopOnErrorFalseKeepsRunningTheQueue() throws {
    let kernel = KernelHarness()
    kernel.queueShell("execute_request", ["code": "fail", "stop_on_error": false])
    kernel.queueShell("execute_request", ["code": "next"])
    kernel.serveShell()
    #expect(kernel.interpreter.executed == ["fail", "next"])
}

@Test func displayUpdateClearAndPagerPayload() throws {
    let kernel = KernelHarness()
    for code in ["display d1", "update d1", "clear"] { _ = try kernel.shellRequest("execute_request", ["code": .string(code)]) }
    let outputs = try kernel.published().filter { ![.status, .executeInput].contains($0.type) }
    #expect(outputs.map(\.type.rawValue) == ["display_data", "update_display_data", "clear_output"])
    #expect(outputs[0].content["transient"] == ["display_id": "d1"])
    #expect(outputs[2].content["wait"] == true)

    let reply = try kernel.shellRequest("execute_request", ["code": "page"])
    #expect(reply?.content["payload"] == [["source": "page", "data": ["text/plain": "the page"], "start": 0]])
}

@Test func userExpressionsAreEvaluatedAfterSuccess() throws {
    let kernel = KernelHarness()
    let reply = try kernel.shellRequest("execute_request", ["code": "x;", "user_expressions": ["a": "x", "b": "fail"]])
    #expect(reply?.content["user_expressions"]?["a"] == ["status": "ok", "data": ["text/plain": "x"], "metadata": [:]])
    #expect(reply?.content["user_expressions"]?["b"]?["status"] == "error")
}

@Test func inputRequestGoesToTheRequestingClientOnStdin() throws {
    let kernel = KernelHarness()
    kernel.stdinChannel.onSend = { frames in
        guard let request = try? kernel.codec.decode(frames) else { return }
        let header = MessageHeader.fresh(.inputReply, session: "client-session", username: "tester")
        let reply = Message(identities: request.identities, header: header, parentHeader: request.header,
                            content: ["value": "typed"])
        kernel.stdinChannel.incoming.append(kernel.codec.encode(reply))
    }
    let reply = try kernel.shellRequest("execute_request", ["code": "input name?", "allow_stdin": true])
    let inputRequest = try kernel.codec.decode(try #require(kernel.stdinChannel.sent.first))
    #expect(inputRequest.identities == [Data("client-7".utf8)])
    #expect(inputRequest.content["prompt"] == "name?")
    #expect(reply?.content["status"] == "ok")
    #expect(try kernel.published().first { $0.type == .executeResult }?.content["data"] == ["text/plain": "typed"])
}

@Test func inputWithoutAllowStdinFailsInsteadOfWaiting() throws {
    let kernel = KernelHarness()
    let reply = try kernel.shellRequest("execute_request", ["code": "input x", "allow_stdin": false])
    #expect(reply?.content["status"] == "error")
    #expect(kernel.stdinChannel.sent.isEmpty)
}

@Test func interruptWhileWaitingForInputEndsTheWait() throws {
    let kernel = KernelHarness()
    kernel.stdinChannel.onSend = { _ in kernel.interrupter.interrupt() }
    let reply = try kernel.shellRequest("execute_request", ["code": "input name?", "allow_stdin": true])
    #expect(reply?.content["status"] == "error")
    #expect(reply?.content["evalue"] == .string("\(KernelError.inputInterrupted)"))
}

@Test func askExitPayloadCarriesKeepKernel() {
    #expect(Payload.askExit(keepKernel: false).json == ["source": "ask_exit", "keepkernel": false])
}

@Test func requestsInFlightBeforeTheErrorReplyAreAbortedButLaterOnesRun() throws {
    let kernel = KernelHarness()
    kernel.queueShell("execute_request", ["code": "fail"])
    kernel.shellChannel.inFlight = [kernel.request("execute_request", ["code": "in flight"]).frames]
    var sentAfterError = false
    kernel.shellChannel.onSend = { frames in
        // The client reacts to the error reply with a new request; that one must run.
        guard !sentAfterError, (try? kernel.codec.decode(frames))?.content["ename"] == "ValueError" else { return }
        sentAfterError = true
        kernel.queueShell("execute_request", ["code": "reaction"])
    }
    kernel.serveShell()
    #expect(kernel.interpreter.executed == ["fail", "reaction"])
    #expect(try kernel.shellReplies().map { $0.content["ename"] } == ["ValueError", "ExecutionAborted", nil])
}

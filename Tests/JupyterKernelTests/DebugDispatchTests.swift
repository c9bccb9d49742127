import Foundation
import JupyterProtocol
import TestSupport
import Testing
@testable import JupyterKernel

/// `debug_request` on control, as JupyterLab's debugger sends it (packages/debugger session.ts
/// and service.ts), around a scripted debugger.
struct DebugDispatchTests {
    let scratch: ScratchDirectory
    let debugger = ScriptedDebugger()
    let kernel: KernelHarness

    init() throws {
        scratch = try ScratchDirectory("debug-dispatch")
        kernel = KernelHarness(debugger: debugger, cellsParent: scratch.url)
    }

    /// Sends a DAP request and returns the DAP response (the debug_reply's content).
    private func debug(_ command: String, _ arguments: JSONValue? = nil, seq: Int = 7) throws -> JSONValue {
        var request: [String: JSONValue] = ["type": "request", "seq": .int(seq), "command": .string(command)]
        if let arguments { request["arguments"] = arguments }
        return try debugRaw(.object(request))
    }

    private func debugRaw(_ content: JSONValue) throws -> JSONValue {
        let reply = try #require(try kernel.controlRequest("debug_request", content))
        #expect(reply.type.rawValue == "debug_reply")
        return reply.content
    }

    private func start() throws {
        #expect(try debug("initialize", ["clientID": "jupyterlab", "adapterID": "receptive"])["success"] == true)
        #expect(try debug("attach", [:])["success"] == true)
        #expect(try debug("configurationDone", [:])["success"] == true)
    }

    @Test func kernelInfoAdvertisesTheDebuggerOnlyWhenTheInterpreterHasOne() throws {
        let reply = try #require(try kernel.controlRequest("kernel_info_request"))
        #expect(reply.content["supported_features"] == ["debugger"])
        #expect(reply.content["debugger"] == true)
        let plain = try #require(try KernelHarness().shellRequest("kernel_info_request"))
        #expect(plain.content["supported_features"] == [])
        #expect(plain.content["debugger"] == false)
    }

    @Test func debugInfoBeforeStartingSaysHowCellsAreNamed() throws {
        // JupyterLab's first request: seq 0 and no arguments at all.
        let reply = try debugRaw(["type": "request", "seq": 0, "command": "debugInfo"])
        #expect(reply["success"] == true)
        #expect(reply["type"] == "response")
        #expect(reply["request_seq"] == 0)
        #expect(reply["command"] == "debugInfo")
        let body = try #require(reply["body"])
        #expect(body["isStarted"] == false)
        #expect(body["hashMethod"] == "Murmur2")
        #expect(body["hashSeed"] == .int(Int(CellFiles.hashSeed)))
        #expect(body["tmpFilePrefix"]?.stringValue?.hasPrefix(scratch.url.path + "/scripted-debug-") == true)
        #expect(body["tmpFilePrefix"]?.stringValue?.hasSuffix("/") == true)
        #expect(body["tmpFileSuffix"] == ".script")
        #expect(body["breakpoints"] == [])
        #expect(body["stoppedThreads"] == [])
        #expect(body["richRendering"] == true)
        // Bracketed by busy and idle, parented to the request: JupyterLab waits for the idle.
        let published = try kernel.published()
        #expect(published.map(\.summary) == ["status:busy", "status:idle"])
    }

    @Test func theStartSequenceAttachesAndAnnouncesInitialized() throws {
        try start()
        #expect(debugger.attached == 1)
        let events = try kernel.published().filter { $0.type == .debugEvent }
        #expect(events.map { $0.content["event"] } == ["initialized"])
        #expect(events.first?.content["type"] == "event")
        #expect(try debug("debugInfo")["body"]?["isStarted"] == true)
        // Every response and event carries its own increasing seq.
        let seqs = try kernel.controlChannel.sent.map { try kernel.codec.decode($0).content["seq"]?.intValue ?? 0 }
        #expect(seqs == seqs.sorted() && Set(seqs).count == seqs.count)
    }

    @Test func dumpCellWritesTheCodeWhereJupyterLabLooksForIt() throws {
        try start()
        let code = "x = 1\nprint x ×2"
        let reply = try debug("dumpCell", ["code": .string(code)])
        let path = try #require(reply["body"]?["sourcePath"]?.stringValue)
        let prefix = try #require(try debug("debugInfo")["body"]?["tmpFilePrefix"]?.stringValue)
        #expect(path == prefix + String(Murmur2.hash(code, seed: CellFiles.hashSeed)) + ".script")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == code)
        kernel.cells?.removeAll()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func inspectVariablesListsTheSessionWithReferencesForContainers() throws {
        try start()
        let variables = try #require(try debug("inspectVariables")["body"]?["variables"]?.arrayValue)
        #expect(variables.map { $0["name"] } == ["r", "x", "xs"])
        #expect(variables[1] == ["name": "x", "value": "1", "type": "float", "evaluateName": "x", "variablesReference": 0])
        let listReference = try #require(variables[2]["variablesReference"]?.intValue)
        #expect(listReference > 0)
        #expect(variables[2]["indexedVariables"] == 5)
        #expect(variables[0]["namedVariables"] == 2)

        let items = try #require(try debug("variables", ["variablesReference": .int(listReference)])["body"]?["variables"]?.arrayValue)
        #expect(items.map { $0["name"] } == ["xs[0]", "xs[1]", "xs[2]", "xs[3]", "xs[4]"])
        let page = try debug("variables", ["variablesReference": .int(listReference), "start": 3, "count": 1])
        #expect(page["body"]?["variables"]?.arrayValue?.map { $0["name"] } == ["xs[3]"])
        // A later listing gives the same reference, so a tree drawn from an earlier one still expands.
        let again = try #require(try debug("inspectVariables")["body"]?["variables"]?.arrayValue)
        #expect(again[2]["variablesReference"] == .int(listReference))
    }

    @Test func richInspectVariablesReturnsTheDebuggersBundle() throws {
        try start()
        let reply = try debug("richInspectVariables", ["variableName": "x"])
        #expect(reply["success"] == true)
        #expect(reply["body"] == ["data": ["text/plain": "x is 1", "text/html": "<b>1</b>"], "metadata": [:]])
        let missing = try debug("richInspectVariables", ["variableName": "nosuch", "frameId": nil])
        #expect(missing["success"] == false)
        #expect(missing["message"] == "no variable nosuch")
    }

    @Test func badRequestsGetErrorRepliesNeverSilence() throws {
        try start()
        let cases: [(JSONValue, String)] = [
            (["type": "request", "seq": 3, "command": "frobnicate"], "unknown debug command 'frobnicate'"),
            (["type": "request", "seq": 3, "command": "variables", "arguments": [:]],
             "variables needs arguments.variablesReference, an integer; found none"),
            (["type": "request", "seq": 3, "command": "variables", "arguments": ["variablesReference": "x"]],
             "variables needs arguments.variablesReference, an integer; found the string \"x\""),
            (["type": "request", "seq": 3, "command": "variables", "arguments": ["variablesReference": 999]],
             "variables: no variable has reference 999"),
            (["type": "request", "seq": 3, "command": "variables", "arguments": ["variablesReference": 0]],
             "variables: no variable has reference 0"),
            (["type": "request", "seq": 3, "command": "richInspectVariables", "arguments": [:]],
             "richInspectVariables needs arguments.variableName, a string"),
            (["type": "request", "seq": 3, "command": "dumpCell", "arguments": ["code": 5]],
             "dumpCell needs arguments.code, a string; found the number 5"),
            (["type": "request", "seq": 3, "command": "inspectVariables", "arguments": [1, 2]],
             "inspectVariables: 'arguments' must be an object, found a list of 2 items"),
            (["type": "request", "seq": 3], "a debug_request needs a string 'command', found none"),
            (["type": "event", "seq": 3, "command": "attach"], "a debug_request's 'type' must be \"request\""),
        ]
        for (content, message) in cases {
            let reply = try debugRaw(content)
            #expect(reply["success"] == false, "\(content)")
            #expect(reply["type"] == "response")
            #expect(reply["message"]?.stringValue?.hasPrefix(message) == true, "\(reply["message"] ?? nil) for \(content)")
            if content["seq"] != nil { #expect(reply["request_seq"] == 3) }
        }
        let unknown = try debugRaw(cases[0].0)["message"]?.stringValue ?? ""
        #expect(unknown.contains("inspectVariables") && unknown.contains("debugInfo"))
        // Each was answered between busy and idle, and the debugger still works.
        let statuses = try kernel.published().filter { $0.type == .status }.map(\.summary)
        #expect(statuses.count == 2 * (3 + cases.count + 1))
        #expect(try debug("inspectVariables")["success"] == true)
    }

    @Test func contentThatIsNoObjectIsRefused() {
        // The wire codec already drops such messages; the request type does not rely on it.
        #expect(throws: KernelError.self) { try DebugRequest([1, 2, 3]) }
    }

    @Test func requestsThatNeedAStartedDebuggerSaySoBeforeInitialize() throws {
        let reply = try debug("variables", ["variablesReference": 1])
        #expect(reply["success"] == false)
        #expect(reply["message"] == "variables needs a started debugger; send initialize and attach first")
        // The panel lists variables whether or not the debugger is started, as ipykernel does.
        #expect(try debug("inspectVariables")["success"] == true)
    }

    @Test func disconnectForgetsReferencesAndTheDebuggerStartsAgain() throws {
        try start()
        let variables = try #require(try debug("inspectVariables")["body"]?["variables"]?.arrayValue)
        let reference = try #require(variables[2]["variablesReference"])
        #expect(try debug("disconnect", ["restart": false, "terminateDebuggee": false])["success"] == true)
        #expect(debugger.detached == 1)
        #expect(try debug("debugInfo")["body"]?["isStarted"] == false)
        // The bug icon toggled off and on: the same sequence starts it again.
        try start()
        #expect(debugger.attached == 2)
        #expect(try debug("variables", ["variablesReference": reference])["success"] == false)
        let fresh = try #require(try debug("inspectVariables")["body"]?["variables"]?.arrayValue)
        let children = try debug("variables", ["variablesReference": fresh[2]["variablesReference"] ?? 0])
        #expect(children["body"]?["variables"]?.arrayValue?.count == 5)
    }

    @Test func breakpointsArePlacedRememberedAndForgottenOnDisconnect() throws {
        try start()
        let code = "x = 1\n\ny = 2\n"
        let path = try #require(try debug("dumpCell", ["code": .string(code)])["body"]?["sourcePath"])
        let reply = try debug("setBreakpoints", ["source": ["path": path], "breakpoints": [["line": 2], ["line": 1]],
                                                 "sourceModified": false])
        #expect(reply["body"]?["breakpoints"] == [
            ["verified": true, "line": 3, "source": ["path": path]],
            ["verified": true, "line": 1, "source": ["path": path]],
        ])
        #expect(try debug("debugInfo")["body"]?["breakpoints"] == [["source": path, "breakpoints": [["line": 3], ["line": 1]]]])
        // A cell the kernel never saw: the debugger says why it cannot place them.
        let unknown = try debug("setBreakpoints", ["source": ["path": "/elsewhere/9.script"], "breakpoints": [["line": 1]]])
        #expect(unknown["body"]?["breakpoints"]?.arrayValue?.first?["verified"] == false)
        // Clearing a cell's breakpoints removes it from debugInfo.
        _ = try debug("setBreakpoints", ["source": ["path": "/elsewhere/9.script"], "breakpoints": []])
        #expect(try debug("debugInfo")["body"]?["breakpoints"]?.arrayValue?.count == 1)
        #expect(try debug("setBreakpoints", ["source": [:], "breakpoints": []])["message"]
                == "setBreakpoints needs arguments.source.path, a string")
        #expect(try debug("setBreakpoints", ["source": ["path": path], "breakpoints": [["line": 0]]])["success"] == false)
        _ = try debug("disconnect", [:])
        #expect(try debug("debugInfo")["body"]?["breakpoints"] == [])
    }

    @Test func aStoppedCellShowsItsFramesScopesAndLocals() throws {
        try start()
        debugger.stop(.breakpoint)
        let stopped = try #require(try kernel.published().last { $0.type == .debugEvent })
        #expect(stopped.content["event"] == "stopped")
        #expect(stopped.content["body"] == ["reason": "breakpoint", "threadId": 1, "allThreadsStopped": true])
        #expect(try debug("debugInfo")["body"]?["stoppedThreads"] == [1])
        #expect(try debug("threads")["body"] == ["threads": [["id": 1, "name": "cells"]]])

        let trace = try #require(try debug("stackTrace", ["threadId": 1])["body"])
        #expect(trace["totalFrames"] == 2)
        #expect(trace["stackFrames"]?.arrayValue?.first == ["id": 1, "name": "f", "line": 2, "column": 1,
                                              "source": ["path": "/cells/1.script", "name": "1.script"]])
        let paged = try debug("stackTrace", ["threadId": 1, "startFrame": 1, "levels": 5])
        #expect(paged["body"]?["stackFrames"]?.arrayValue?.map { $0["id"] } == [2])

        let scopes = try #require(try debug("scopes", ["frameId": 1])["body"]?["scopes"]?.arrayValue)
        #expect(scopes.map { $0["name"] } == ["Locals", "Globals"])
        let locals = try debug("variables", ["variablesReference": scopes[0]["variablesReference"] ?? 0])
        #expect(locals["body"]?["variables"]?.arrayValue?.first?["name"] == "v")
        #expect(try debug("scopes", ["frameId": 9])["message"] == "scopes: no frame 9")
        #expect(try debug("source", ["source": ["path": "/cells/1.script"]])["body"]?["content"]?.stringValue?
                    .hasPrefix("fn f(v)") == true)
        #expect(try debug("source", ["source": ["path": "/nowhere.script"]])["success"] == false)
    }

    @Test func steppingResumesAndTheDebuggerSaysContinued() throws {
        try start()
        for (command, step) in [("next", DebugStep.over), ("stepIn", .into), ("stepOut", .out), ("continue", .run)] {
            debugger.stop(.step)
            let reply = try debug(command, ["threadId": 1])
            #expect(reply["success"] == true, "\(command)")
            #expect(reply["body"] == (step == .run ? ["allThreadsContinued": true] : [:]))
            #expect(debugger.resumed.last == step)
            #expect(try kernel.published().last { $0.type == .debugEvent }?.content["event"] == "continued")
        }
        // Nothing is paused now: stepping and frames are errors, not hangs.
        #expect(try debug("next", ["threadId": 1])["message"] == "no cell is paused")
        #expect(try debug("stackTrace", ["threadId": 1])["message"] == "stackTrace: no cell is paused")
        #expect(try debug("pause", ["threadId": 1])["success"] == true)
        #expect(debugger.pauses == 1)
    }

    @Test func disconnectWhilePausedLetsTheCellRunOn() throws {
        try start()
        debugger.stop(.breakpoint)
        _ = try debug("disconnect", ["restart": false, "terminateDebuggee": false])
        #expect(debugger.resumed == [.run])
        #expect(debugger.stoppedThreads.isEmpty)
    }

    @Test func exceptionBreakpointsAreAcceptedOnlyEmpty() throws {
        try start()
        #expect(try debug("setExceptionBreakpoints", ["filters": []])["success"] == true)
        #expect(try debug("setExceptionBreakpoints", ["filters": ["raised"]])["success"] == false)
    }
}

import Foundation
import JupyterProtocol
import Logging
import Testing
import TestSupport
@testable import JupyterKernel

private func kernelWithHistory() throws -> KernelHarness {
    let kernel = KernelHarness()
    for code in ["a = 1", "b = 2", "a + b", "print a", "a = 1"] {
        _ = try kernel.shellRequest("execute_request", ["code": .string(code)])
    }
    return kernel
}

@Test func tailReturnsTheLastCellsOldestFirst() throws {
    let kernel = try kernelWithHistory()
    let reply = try kernel.shellRequest("history_request", ["hist_access_type": "tail", "n": 2, "output": false, "raw": true])
    #expect(reply?.content["history"] == [[1, 4, "print a"], [1, 5, "a = 1"]])
}

@Test func outputFlagPairsInputWithResult() throws {
    let kernel = try kernelWithHistory()
    let reply = try kernel.shellRequest("history_request", ["hist_access_type": "tail", "n": 3, "output": true, "raw": true])
    #expect(reply?.content["history"] == [[1, 3, ["a + b", "a + b"]], [1, 4, ["print a", nil]], [1, 5, ["a = 1", "a = 1"]]])
}

@Test func rangeSelectsStartUpToStop() throws {
    let kernel = try kernelWithHistory()
    let reply = try kernel.shellRequest("history_request", ["hist_access_type": "range", "session": 1, "start": 2, "stop": 4,
                                                            "output": false, "raw": true])
    #expect(reply?.content["history"] == [[1, 2, "b = 2"], [1, 3, "a + b"]])
    let other = try kernel.shellRequest("history_request", ["hist_access_type": "range", "session": 7, "start": 1,
                                                            "output": false, "raw": true])
    #expect(other?.content["history"] == [])
}

@Test func searchMatchesGlobsWithUniqueAndN() throws {
    let kernel = try kernelWithHistory()
    func search(_ extra: [String: JSONValue]) throws -> JSONValue? {
        var content: [String: JSONValue] = ["hist_access_type": "search", "pattern": "a*", "output": false, "raw": true]
        content.merge(extra) { _, new in new }
        return try kernel.shellRequest("history_request", .object(content))?.content["history"]
    }
    #expect(try search([:]) == [[1, 1, "a = 1"], [1, 3, "a + b"], [1, 5, "a = 1"]])
    #expect(try search(["unique": true]) == [[1, 3, "a + b"], [1, 5, "a = 1"]])
    #expect(try search(["n": 1]) == [[1, 5, "a = 1"]])
}

@Test func globPatternsMatchWholeStrings() {
    #expect(GlobPattern("a*").matches("a = 1"))
    #expect(!GlobPattern("a").matches("a = 1"))
    #expect(GlobPattern("?rint*").matches("print(x)"))
    #expect(GlobPattern("[a-c]x[!]").matches("bx!"))
    #expect(GlobPattern("[^a]*").matches("zoo"))
    #expect(!GlobPattern("[^a]*").matches("ant"))
    #expect(!GlobPattern("[ab").matches("a"))
    #expect(GlobPattern("*").matches(""))
}

@Test func aKernelWhoseDatabaseIsCorruptFallsBackToMemory() throws {
    let directory = try ScratchDirectory("receptive-corrupt")
    defer { withExtendedLifetime(directory) {} }
    let path = directory.path("history.sqlite")
    try Data(repeating: 0x5A, count: 4096).write(to: URL(fileURLWithPath: path))
    let connection = ConnectionInfo(transport: .tcp, ip: "127.0.0.1", ports: [:], key: "")
    let kernel = Kernel(connection: connection, interpreter: ScriptedInterpreter(), logger: Logger(label: "test"),
                        historyFile: path)
    var history = kernel.makeHistory()
    history.append(input: "a = 1", output: nil)
    #expect(history.tail(5, unique: false).map(\.input) == ["a = 1"])
    // Kept in memory: the opening (on its own thread) left the corrupt file as it was.
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 0x5A, count: 4096))
}

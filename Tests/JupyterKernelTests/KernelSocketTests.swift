import Foundation
import JupyterProtocol
import Logging
import Synchronization
import Testing
import ZeroMQ
@testable import JupyterKernel

/// A client of a real kernel over ipc sockets: signs, sends and waits for replies.
private struct SocketClient {
    let codec = WireCodec(key: "socket-test")
    let context: Context
    let connection: ConnectionInfo

    func connect(_ channel: Channel, type: SocketType) throws -> Socket {
        let socket = try Socket(context: context, type: type, lingerMilliseconds: 0)
        if type == .sub { try socket.subscribe() }
        if type == .dealer { try socket.setRoutingID(Data("socket-client".utf8)) }
        try socket.connect(connection.endpoint(for: channel))
        return socket
    }

    func send(_ type: MessageType, _ content: JSONValue = [:], on socket: Socket) throws {
        let header = MessageHeader.fresh(type, session: "client", username: "tester")
        try socket.send(codec.encode(Message(header: header, content: content)))
    }

    func receive(on socket: Socket) throws -> Message? {
        try socket.receive(timeoutMilliseconds: 5000).map { try codec.decode($0) }
    }
}

@Test func realKernelGreetsAnswersInterruptsAndShutsDown() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("rk-\(UUID().uuidString.prefix(8))").path
    let ports: [Channel: Int] = [.shell: 1, .iopub: 2, .stdin: 3, .control: 4, .heartbeat: 5]
    let connection = ConnectionInfo(transport: .ipc, ip: path, ports: ports, key: "socket-test")
    let interpreter = ScriptedInterpreter()
    let kernel = ThreadConfined(value: Kernel(connection: connection, interpreter: interpreter, logger: Logger(label: "test")))
    let restart = Mutex<Bool?>(nil)
    let thread = KernelThread(name: "kernel") { restart.withLock { $0 = try? kernel.value.run() } }

    let client = SocketClient(context: try Context(), connection: connection)
    let iopub = try client.connect(.iopub, type: .sub)
    #expect(try client.receive(on: iopub)?.type == .iopubWelcome)

    let shell = try client.connect(.shell, type: .dealer)
    try client.send(.kernelInfoRequest, on: shell)
    #expect(try client.receive(on: shell)?.content["status"] == "ok")

    try client.send(.executeRequest, ["code": "spin"], on: shell)
    try #require(try client.receive(on: iopub)?.summary == "status:busy")
    let control = try client.connect(.control, type: .dealer)
    try client.send(.interruptRequest, on: control)
    let interruptedAt = Date()
    #expect(try client.receive(on: control)?.content == ["status": "ok"])
    let reply = try client.receive(on: shell)
    #expect(reply?.content["ename"] == "Interrupted")
    // The cell spins until interrupted; answering within a second shows the interrupt cut it
    // short. The 100 ms goal is measured outside parallel unit tests, whose load would make a
    // tighter bound flaky.
    #expect(Date().timeIntervalSince(interruptedAt) < 1)

    let heartbeat = try client.connect(.heartbeat, type: .req)
    try heartbeat.send([Data("ping".utf8)])
    #expect(try heartbeat.receive(timeoutMilliseconds: 5000) == [Data("ping".utf8)])

    try client.send(.shutdownRequest, ["restart": false], on: control)
    #expect(try client.receive(on: control)?.content == ["status": "ok", "restart": false])
    #expect(thread.join(seconds: 5))
    #expect(restart.withLock { $0 } == false)
}

@Test func aPortInUseIsReportedAsCannotBindForThatChannel() throws {
    let context = try Context()
    let squatter = try Socket(context: context, type: .rep, lingerMilliseconds: 0)
    try squatter.bind("tcp://127.0.0.1:*")
    let port = try #require(Int(try squatter.lastEndpoint().split(separator: ":").last ?? ""))
    let connection = ConnectionInfo(transport: .tcp, ip: "127.0.0.1",
                                    ports: [.shell: port, .iopub: 1, .stdin: 1, .control: 1, .heartbeat: 1], key: "")
    let kernel = Kernel(connection: connection, interpreter: ScriptedInterpreter(), logger: Logger(label: "test"))
    #expect {
        _ = try kernel.run()
    } throws: { error in
        guard case .cannotBind(let channel, let endpoint, _) = error as? KernelError else { return false }
        return channel == .shell && endpoint == "tcp://127.0.0.1:\(port)"
    }
}

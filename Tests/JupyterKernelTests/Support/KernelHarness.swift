import Foundation
import JupyterProtocol
import Logging
@testable import JupyterKernel

/// The shell and control request loops of a kernel, wired to in-memory channels, with a client
/// side that signs requests and decodes what the kernel sent.
final class KernelHarness {
    let codec = WireCodec(key: "test-key")
    let interpreter = ScriptedInterpreter()
    let shellChannel = MemoryChannel()
    let controlChannel = MemoryChannel()
    let stdinChannel = MemoryChannel()
    let iopub = MemoryPublisher()
    let lifecycle = KernelLifecycle()
    let interrupter: Interrupter
    let shell: ShellService
    let comms = CommTable()
    let shellLoop: RequestLoop
    let controlLoop: RequestLoop
    /// Where `dumpCell` writes, when the interpreter has a debugger.
    let cells: CellFiles?
    private let clientIdentity = Data("client-7".utf8)

    /// A kernel whose interpreter has `debugger` (none by default); its cells go under `cellsParent`.
    init(debugger: (any Debugger)? = nil, cellsParent: URL = FileManager.default.temporaryDirectory) {
        interpreter.debugger = debugger
        let (codec, lifecycle) = (codec, lifecycle)
        let factory = MessageFactory()
        let logger = Logger(label: "test")
        let interrupter = Interrupter(interpreter: interpreter)
        self.interrupter = interrupter
        let publisher = IOPub(publisher: iopub, codec: codec, factory: factory)
        let shellQueue = LookaheadChannel(shellChannel, codec: codec)
        shell = ShellService(interpreter: interpreter, interrupter: interrupter,
                             stdin: StdinLink(channel: stdinChannel, codec: codec, factory: factory, logger: logger),
                             logger: logger, comms: comms, queue: shellQueue)
        let control = ControlService(kernelInfoReply: interpreter.kernelInfoReply, interrupter: interrupter, comms: comms)
        var controlHandlers = control.handlers
        if let debugger {
            let cells = CellFiles(parent: cellsParent, name: "scripted", fileExtension: ".script")
            self.cells = cells
            let debug = DebugService(debugger: debugger, cells: cells, messages: DebugMessages(iopub: publisher),
                                     mimetype: interpreter.kernelInfo.mimetype)
            controlHandlers.merge(debug.handlers) { first, _ in first }
        } else {
            cells = nil
        }
        func loop(_ channel: RequestChannel, _ handlers: [MessageType: RequestHandler]) -> RequestLoop {
            let dispatcher = RequestDispatcher(codec: codec, factory: factory, channel: channel, iopub: publisher,
                                               handlers: handlers, logger: logger)
            return RequestLoop(channel: channel, dispatcher: dispatcher, lifecycle: lifecycle, logger: logger)
        }
        shellLoop = loop(shellQueue, shell.handlers)
        controlLoop = loop(controlChannel, controlHandlers)
    }

    /// A signed request from the client, as frames.
    func request(_ type: String, _ content: JSONValue = [:], buffers: [Data] = []) -> (id: String, frames: [Data]) {
        let header = MessageHeader.fresh(MessageType(rawValue: type), session: "client-session", username: "tester")
        return (header.messageID, codec.encode(Message(identities: [clientIdentity], header: header, content: content,
                                                       buffers: buffers)))
    }

    /// Queues a request on shell and returns its msg_id.
    @discardableResult
    func queueShell(_ type: String, _ content: JSONValue = [:]) -> String {
        let (id, frames) = request(type, content)
        shellChannel.incoming.append(frames)
        return id
    }

    /// Serves everything queued on shell, as the shell thread would.
    func serveShell() {
        while !shellChannel.incoming.isEmpty || shell.queue?.containsQueued(where: { _ in true }) == true {
            shellLoop.step(timeoutMilliseconds: 0)
        }
    }

    /// Sends one request on shell, serves it, and returns the reply (nil when there was none).
    func shellRequest(_ type: String, _ content: JSONValue = [:]) throws -> Message? {
        let before = shellChannel.sent.count
        queueShell(type, content)
        serveShell()
        return try shellChannel.sent.dropFirst(before).first.map { try codec.decode($0) }
    }

    /// Sends one request on control, serves it, and returns the reply (nil when there was none).
    func controlRequest(_ type: String, _ content: JSONValue = [:]) throws -> Message? {
        let before = controlChannel.sent.count
        controlChannel.incoming.append(request(type, content).frames)
        controlLoop.step(timeoutMilliseconds: 0)
        return try controlChannel.sent.dropFirst(before).first.map { try codec.decode($0) }
    }

    /// Every message published on iopub so far, decoded.
    func published() throws -> [Message] {
        try iopub.published.map { try codec.decode($0) }
    }

    /// The replies sent on shell so far, decoded.
    func shellReplies() throws -> [Message] {
        try shellChannel.sent.map { try codec.decode($0) }
    }
}

extension Message {
    /// `msg_type` plus, for status, the state: "status:busy", "stream", ...
    var summary: String {
        type == .status ? "status:\(content["execution_state"]?.stringValue ?? "?")" : type.rawValue
    }
}

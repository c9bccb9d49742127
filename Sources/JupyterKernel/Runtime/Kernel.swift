import Dispatch
import Foundation
import JupyterProtocol
import Logging
import ZeroMQ

/// A Jupyter kernel serving one `Interpreter` on the sockets of one connection file.
///
/// Threads: shell (requests and cells), control (interrupt, shutdown, kernel_info while a cell
/// runs), iopub (greets new subscribers), heartbeat (echo). Each libzmq socket stays on its
/// thread, except the iopub socket, which publishing threads share under a lock.
public final class Kernel {
    private let connection: ConnectionInfo
    private let interpreter: Interpreter
    let logger: Logger
    private let interrupter: Interrupter
    private let lifecycle = KernelLifecycle()
    let historyFile: String?

    /// A kernel for `interpreter` on the addresses in `connection`, keeping input history in the
    /// SQLite database `historyFile` (nil: in memory only).
    public init(connection: ConnectionInfo, interpreter: Interpreter, logger: Logger, historyFile: String? = nil) {
        self.connection = connection
        self.historyFile = historyFile
        self.interpreter = interpreter
        self.logger = logger
        interrupter = Interrupter(interpreter: interpreter)
    }

    /// Interrupts the running cell as `interrupt_request` does; callable from any thread (the
    /// command line runs it on SIGINT).
    public var interruptAction: @Sendable () -> Void {
        { [interrupter] in interrupter.interrupt() }
    }

    /// Stops the kernel as a `shutdown_request` without restart does; callable from any thread
    /// (the command line runs it on SIGTERM).
    public var shutdownAction: @Sendable () -> Void {
        { [lifecycle] in lifecycle.requestShutdown(restart: false) }
    }

    /// Binds the sockets, serves until a `shutdown_request`, and returns whether it asked for
    /// a restart; throws when a socket cannot be bound.
    public func run() throws(KernelError) -> Bool {
        // Bound first: a front end that connects before the bind waits out ZeroMQ's reconnect
        // interval (100 ms), and the signing key's setup (swift-crypto's first use) can wait.
        let sockets = try KernelSockets(connection: connection)
        let factory = MessageFactory()
        let codec = WireCodec(key: connection.key)
        defer { KernelSockets.removeIPCFiles(of: connection) }
        let replayGuard = ReplayGuard()
        if connection.key.isEmpty {
            logger.warning("the connection file has an empty key: messages are not signed, so anyone who can reach the ports can run code")
        }
        let iopubSocket = try IOPubSocket(xpub: sockets.iopub, codec: codec, factory: factory, logger: logger)
        let heartbeat = Heartbeat(socket: sockets.heartbeat, lifecycle: lifecycle, logger: logger)

        let comms = CommTable()
        let shellChannel = LookaheadChannel(SocketRequestChannel(socket: sockets.shell), codec: codec)
        let shell = ShellService(interpreter: interpreter, interrupter: interrupter,
                                 stdin: StdinLink(channel: SocketRequestChannel(socket: sockets.stdin), codec: codec,
                                                  factory: factory, logger: logger),
                                 logger: logger, history: makeHistory(), comms: comms, queue: shellChannel)
        let control = ControlService(kernelInfoReply: interpreter.kernelInfoReply, interrupter: interrupter, comms: comms)
        let debug = debugService(iopub: IOPub(publisher: iopubSocket, codec: codec, factory: factory))
        defer { debug?.cells.removeAll() }
        let shellLoop = loop(shellChannel, shell.handlers, iopubSocket, codec, factory, replayGuard)
        let controlLoop = loop(SocketRequestChannel(socket: sockets.control),
                               control.handlers.merging(debug?.service.handlers ?? [:]) { first, _ in first },
                               iopubSocket, codec, factory, replayGuard)

        let threads = [
            KernelThread(name: "heartbeat") { heartbeat.run() },
            KernelThread(name: "iopub") { iopubSocket.greetSubscribers() },
        ]
        let controlThread = KernelThread(name: "control") { controlLoop.value.run() }
        // The interpreter recurses on this thread; give it room for deep programs (512 MiB of
        // address space, committed only as it is touched, lets an interpreter run in place).
        let shellThread = KernelThread(name: "shell", stackSize: 512 << 20) { shellLoop.value.run() }
        logger.info("kernel ready; shell at \(connection.endpoint(for: .shell))")

        let restart = lifecycle.waitForShutdown()
        interrupter.interrupt()
        for thread in [shellThread, controlThread] where !thread.join(seconds: 2) {
            logger.warning("a request thread did not stop within 2 s; exiting anyway")
        }
        iopubSocket.finish()
        threads.forEach { $0.join(seconds: 2) }
        return restart
    }

    /// The `debug_request` handler and its cell directory, when the interpreter has a debugger.
    private func debugService(iopub: IOPub) -> (service: DebugService, cells: CellFiles)? {
        guard let debugger = interpreter.debugger else { return nil }
        let info = interpreter.kernelInfo
        let cells = CellFiles(name: info.implementation, fileExtension: info.fileExtension)
        let service = DebugService(debugger: debugger, cells: cells, messages: DebugMessages(iopub: iopub),
                                   mimetype: info.mimetype)
        return (service, cells)
    }

    private func loop(_ channel: RequestChannel, _ handlers: [MessageType: RequestHandler], _ iopubSocket: IOPubSocket,
                      _ codec: WireCodec, _ factory: MessageFactory,
                      _ replayGuard: ReplayGuard) -> ThreadConfined<RequestLoop> {
        let iopub = IOPub(publisher: iopubSocket, codec: codec, factory: factory)
        let dispatcher = RequestDispatcher(codec: codec, factory: factory, channel: channel, iopub: iopub,
                                           handlers: handlers, logger: logger, replayGuard: replayGuard)
        return ThreadConfined(value: RequestLoop(channel: channel, dispatcher: dispatcher, lifecycle: lifecycle,
                                                 logger: logger))
    }
}

import ArgumentParser
import Foundation
import JupyterKernel
import JupyterProtocol
import Logging
import ReceptiveKernel
import ReceptiveLanguage

/// `receptive kernel -f FILE`: serves the Receptive kernel on the sockets a connection file names.
/// Logs go to stderr at warning level; set `RECEPTIVE_LOG=debug` (or info, …) for more.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Run the Jupyter kernel (front ends start this through the kernelspec)."
    )

    @Option(name: [.customLong("connection-file"), .customShort("f")],
            help: ArgumentHelp("The connection file Jupyter wrote.", valueName: "FILE"))
    var connectionFile: String

    @Option(help: ArgumentHelp("The SQLite history database (default: receptive/history.sqlite in the Jupyter data directory).",
                               valueName: "PATH"))
    var historyFile: String?

    @Flag(help: "Keep input history in memory only; it does not survive a restart.")
    var noHistoryFile = false

    @OptionGroup var limits: LimitOptions

    /// What the kernel serves with, however the command line was read: `run()` fills it from
    /// ArgumentParser's options, `Receptive.main` from the kernelspec's command line alone, so
    /// an option's default is written once, here.
    struct Settings: Equatable {
        var connectionFile: String
        var historyFile: String? = nil
        var noHistoryFile = false
        var maxElements: Int? = nil
    }

    /// The settings these parsed options give.
    var settings: Settings {
        Settings(connectionFile: connectionFile, historyFile: historyFile, noHistoryFile: noHistoryFile,
                 maxElements: limits.maxElements)
    }

    func run() throws {
        try Self.serve(settings)
    }

    /// The settings when `arguments` are exactly the kernelspec's command line
    /// (`receptive kernel -f FILE`), which `Receptive.main` then serves without ArgumentParser:
    /// its parse (building the command tree by reflection, looking up generic metadata) was
    /// about a tenth of the kernel's CPU time before its sockets are bound, and a kernel that
    /// binds after the front end's first connect attempt costs the front end ZeroMQ's 100 ms
    /// reconnect interval (perf over ten starts, benchmarks/results/kernel-latency.md). Any
    /// other command line goes through ArgumentParser as before.
    static func kernelspecSettings(_ arguments: [String]) -> Settings? {
        guard arguments.count == 4, arguments[1] == configuration.commandName,
              ["-f", "--connection-file"].contains(arguments[2]), !arguments[3].hasPrefix("-") else { return nil }
        return Settings(connectionFile: arguments[3])
    }

    /// Serves the kernel on the connection file's sockets until it is shut down.
    static func serve(_ settings: Settings) throws {
        // SIGINT interrupts the cell, as kernels started with a terminal expect; SIGTERM shuts down
        // cleanly, closing (and so removing) sockets.
        let signals = HeldSignals.hold([SIGINT, SIGTERM])
        let connection: ConnectionInfo
        do {
            connection = try ConnectionInfo.load(path: settings.connectionFile)
        } catch {
            FileHandle.standardError.write(Data("receptive kernel: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let level = ProcessInfo.processInfo.environment["RECEPTIVE_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let history = settings.noHistoryFile ? nil : settings.historyFile ?? Kernel.defaultHistoryFile()
        let session = Session(maxElements: LimitOptions.sessionMaxElements(settings.maxElements),
                              charset: try TerminalCharset.atStartup(kernel: true))
        let kernel = Kernel(connection: connection, interpreter: ReceptiveInterpreter(session: session),
                            logger: Logger(label: "receptive.kernel"), historyFile: history)
        signals.serve { [interrupt = kernel.interruptAction, shutdown = kernel.shutdownAction] number in
            number == SIGINT ? interrupt() : shutdown()
        }
        let parentWatch = ParentWatch.start(shutdown: kernel.shutdownAction)
        defer { parentWatch?.cancel() }
        do {
            _ = try kernel.run()
        } catch {
            FileHandle.standardError.write(Data("receptive kernel: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

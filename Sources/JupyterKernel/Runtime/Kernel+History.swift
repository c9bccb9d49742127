import Foundation
import Logging

extension Kernel {
    /// Where the history database lives by default, as ipykernel's: `receptive/history.sqlite`
    /// in the Jupyter data directory (`$JUPYTER_DATA_DIR`, else the platform's default).
    public static func defaultHistoryFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        KernelSpecLocation.userDataDirectory(environment).appendingPathComponent("receptive/history.sqlite").path
    }

    /// The history database, or in-memory history (with one warning) when it cannot be used:
    /// a broken history must never stop the kernel from starting. The database opens on a
    /// thread of its own (`HistoryOpening`), off the way to the first reply.
    func makeHistory() -> any HistoryStoring {
        guard let historyFile else { return HistoryStore() }
        return HistoryOpening { [logger] () -> any HistoryStoring in
            do {
                return try SQLiteHistoryStore(path: historyFile) { logger.warning("\($0)") }
            } catch {
                logger.warning("\(error)")
                return HistoryStore()
            }
        }
    }
}

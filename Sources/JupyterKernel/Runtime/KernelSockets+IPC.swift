import Foundation
import JupyterProtocol

extension KernelSockets {
    /// Removes the socket files of an ipc connection, as ipykernel does at exit: libzmq removes
    /// them only when every socket closes, which a thread still stuck in a cell can prevent.
    static func removeIPCFiles(of connection: ConnectionInfo) {
        guard connection.transport == .ipc else { return }
        for channel in Channel.allCases {
            let path = String(connection.endpoint(for: channel).dropFirst("ipc://".count))
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}

import Foundation
import JupyterProtocol
import ZeroMQ

/// The kernel's sockets, bound to exactly the addresses of a connection file.
struct KernelSockets {
    let context: Context
    let shell: Socket
    let control: Socket
    let stdin: Socket
    let iopub: Socket
    let heartbeat: Socket

    init(connection: ConnectionInfo) throws(KernelError) {
        do {
            context = try Context()
            shell = try Socket(context: context, type: .router)
            control = try Socket(context: context, type: .router)
            stdin = try Socket(context: context, type: .router)
            iopub = try Socket(context: context, type: .xpub)
            heartbeat = try Socket(context: context, type: .rep)
            for router in [shell, control, stdin] { try router.setRouterHandover(true) }
            try iopub.setXPubVerbose(true)
            if let secretKey = connection.curveSecretKey {
                for socket in [shell, control, stdin, iopub, heartbeat] { try socket.setCurveServer(secretKey: secretKey) }
            }
        } catch {
            throw .transport(error)
        }
        let bindings: [(Socket, Channel, String)] = [
            (shell, .shell, connection.endpoint(for: .shell)),
            (control, .control, connection.endpoint(for: .control)),
            (stdin, .stdin, connection.endpoint(for: .stdin)),
            (iopub, .iopub, connection.endpoint(for: .iopub)),
            (heartbeat, .heartbeat, connection.endpoint(for: .heartbeat)),
        ]
        for (socket, channel, endpoint) in bindings {
            do {
                try socket.bind(endpoint)
            } catch {
                throw .cannotBind(channel: channel, endpoint: endpoint, cause: error)
            }
        }
    }
}

import Foundation
import Logging
import Testing
import ZeroMQ
@testable import JupyterKernel

@Test func heartbeatEchoesOnLoopbackUntilStopped() throws {
    let context = try Context()
    let rep = try Socket(context: context, type: .rep, lingerMilliseconds: 0)
    try rep.bind("tcp://127.0.0.1:*")
    let lifecycle = KernelLifecycle()
    let heartbeat = Heartbeat(socket: rep, lifecycle: lifecycle, logger: Logger(label: "test"))
    let thread = KernelThread(name: "heartbeat") { heartbeat.run() }

    let client = try Socket(context: context, type: .req, lingerMilliseconds: 0)
    try client.connect(try rep.lastEndpoint())
    for ping in ["ping", "pong"] {
        try client.send([Data(ping.utf8)])
        #expect(try client.receive(timeoutMilliseconds: 5000) == [Data(ping.utf8)])
    }
    lifecycle.requestShutdown(restart: false)
    #expect(thread.join(seconds: 2))
}

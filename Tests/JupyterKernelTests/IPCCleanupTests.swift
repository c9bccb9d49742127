import Foundation
import JupyterProtocol
import Testing
@testable import JupyterKernel

@Test func ipcSocketFilesAreRemovedAndTCPLeavesFilesAlone() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ipc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let prefix = directory.appendingPathComponent("kernel").path
    var ports: [Channel: Int] = [:]
    for (index, channel) in Channel.allCases.enumerated() { ports[channel] = index + 1 }
    let paths = (1...Channel.allCases.count).map { "\(prefix)-\($0)" }
    for path in paths { #expect(FileManager.default.createFile(atPath: path, contents: Data())) }

    KernelSockets.removeIPCFiles(of: ConnectionInfo(transport: .tcp, ip: prefix, ports: ports, key: ""))
    #expect(paths.allSatisfy { FileManager.default.fileExists(atPath: $0) })
    KernelSockets.removeIPCFiles(of: ConnectionInfo(transport: .ipc, ip: prefix, ports: ports, key: ""))
    #expect(paths.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
}

import Foundation
import JupyterProtocol
import Testing

private let tcpFile = """
{"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
 "ip": "127.0.0.1", "key": "abc", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "receptive"}
"""

@Test func parsesATCPConnectionFile() throws {
    let info = try ConnectionInfo.parse(Data(tcpFile.utf8), path: "k.json")
    #expect(info.key == "abc")
    #expect(info.endpoint(for: .shell) == "tcp://127.0.0.1:5001")
    #expect(info.endpoint(for: .heartbeat) == "tcp://127.0.0.1:5005")
}

@Test func ipcEndpointsAppendThePortToThePath() throws {
    let text = tcpFile.replacingOccurrences(of: "\"tcp\"", with: "\"ipc\"")
        .replacingOccurrences(of: "127.0.0.1", with: "/tmp/kernel-x")
    let info = try ConnectionInfo.parse(Data(text.utf8), path: "k.json")
    #expect(info.endpoint(for: .control) == "ipc:///tmp/kernel-x-5004")
}

@Test func malformedFilesGiveTypedErrorsNamingTheProblem() {
    let cases: [(String, String)] = [
        ("[1]", "expected a JSON object"),
        ("{", "expected a JSON object"),
        (tcpFile.replacingOccurrences(of: "\"shell_port\": 5001,", with: ""), "expected a port number 1–65535 in 'shell_port'"),
        (tcpFile.replacingOccurrences(of: "\"tcp\"", with: "\"udp\""), "expected transport 'tcp' or 'ipc', found 'udp'"),
        (tcpFile.replacingOccurrences(of: "hmac-sha256", with: "hmac-md5"), "expected signature_scheme 'hmac-sha256', found 'hmac-md5'"),
    ]
    for (text, reason) in cases {
        #expect(throws: JupyterProtocolError.connectionFileMalformed(path: "k.json", reason: reason)) {
            try ConnectionInfo.parse(Data(text.utf8), path: "k.json")
        }
    }
}

@Test func missingFileIsUnreadable() {
    #expect(throws: JupyterProtocolError.connectionFileUnreadable(path: "/nonexistent/k.json", reason: "no such file")) {
        try ConnectionInfo.load(path: "/nonexistent/k.json")
    }
}

@Test func anUnknownSignatureSchemeIsRejectedEvenWithAnEmptyKey() {
    let text = tcpFile.replacingOccurrences(of: "\"abc\"", with: "\"\"").replacingOccurrences(of: "hmac-sha256", with: "rot13")
    #expect(throws: JupyterProtocolError.connectionFileMalformed(
        path: "k.json", reason: "expected signature_scheme 'hmac-sha256', found 'rot13'")) {
        try ConnectionInfo.parse(Data(text.utf8), path: "k.json")
    }
}

@Test func curveKeysAskForEncryptionAndMustBothBeZ85() throws {
    let secret = String(repeating: "s", count: 40)
    let withKeys = tcpFile.replacingOccurrences(
        of: "\"kernel_name\"", with: "\"curve_publickey\": \"\(String(repeating: "p", count: 40))\", \"curve_secretkey\": \"\(secret)\", \"kernel_name\"")
    #expect(try ConnectionInfo.parse(Data(withKeys.utf8), path: "k.json").curveSecretKey == secret)
    #expect(try ConnectionInfo.parse(Data(tcpFile.utf8), path: "k.json").curveSecretKey == nil)
    let onlySecret = tcpFile.replacingOccurrences(of: "\"kernel_name\"", with: "\"curve_secretkey\": \"\(secret)\", \"kernel_name\"")
    #expect(throws: JupyterProtocolError.connectionFileMalformed(
        path: "k.json", reason: "expected 'curve_publickey' as a 40-character Z85 key, since the file asks for CurveZMQ")) {
        try ConnectionInfo.parse(Data(onlySecret.utf8), path: "k.json")
    }
}

import Foundation

/// The contents of a Jupyter connection file: where to bind and how to sign.
public struct ConnectionInfo: Sendable, Equatable {
    /// How the sockets are addressed.
    public enum Transport: String, Sendable {
        /// TCP: `tcp://ip:port`.
        case tcp
        /// Unix domain sockets: `ipc://ip-port`, `ip` being a path prefix.
        case ipc
    }

    /// `transport`.
    public var transport: Transport
    /// `ip`: the address (tcp) or path prefix (ipc).
    public var ip: String
    /// The port of each channel (for ipc, the path suffix).
    public var ports: [Channel: Int]
    /// `key`: the HMAC key; empty means messages are not signed.
    public var key: String
    /// `signature_scheme`, e.g. `hmac-sha256`.
    public var signatureScheme: String
    /// `curve_secretkey`: the kernel's CurveZMQ secret key (40 Z85 characters), or nil for
    /// unencrypted transport.
    public var curveSecretKey: String?

    /// Creates connection information directly.
    public init(transport: Transport, ip: String, ports: [Channel: Int], key: String, signatureScheme: String = "hmac-sha256") {
        self.transport = transport
        self.ip = ip
        self.ports = ports
        self.key = key
        self.signatureScheme = signatureScheme
    }

    /// The ZeroMQ endpoint of `channel`, e.g. `tcp://127.0.0.1:5555` or `ipc:///tmp/k-5555`.
    public func endpoint(for channel: Channel) -> String {
        let port = ports[channel] ?? 0
        switch transport {
        case .tcp: return "tcp://\(ip):\(port)"
        case .ipc: return "ipc://\(ip)-\(port)"
        }
    }

    /// Reads and validates the connection file at `path`.
    public static func load(path: String) throws(JupyterProtocolError) -> ConnectionInfo {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw .connectionFileUnreadable(path: path, reason: reason)
        }
        return try parse(data, path: path)
    }

    /// Validates connection-file JSON; `path` only names the file in errors.
    public static func parse(_ data: Data, path: String) throws(JupyterProtocolError) -> ConnectionInfo {
        guard let json = try? JSONValue.parse(data), case .object = json else {
            throw .connectionFileMalformed(path: path, reason: "expected a JSON object")
        }
        func field(_ name: String) throws(JupyterProtocolError) -> String {
            guard let value = json[name]?.stringValue else {
                throw .connectionFileMalformed(path: path, reason: "expected a string field '\(name)'")
            }
            return value
        }
        let transportName = (json["transport"]?.stringValue) ?? "tcp"
        guard let transport = Transport(rawValue: transportName) else {
            throw .connectionFileMalformed(path: path, reason: "expected transport 'tcp' or 'ipc', found '\(transportName)'")
        }
        let scheme = try field("signature_scheme")
        let key = try field("key")
        guard scheme == "hmac-sha256" else {
            throw .connectionFileMalformed(path: path, reason: "expected signature_scheme 'hmac-sha256', found '\(scheme)'")
        }
        var ports: [Channel: Int] = [:]
        for channel in Channel.allCases {
            let name = "\(channel.rawValue)_port"
            guard let port = json[name]?.intValue, (1...65535).contains(port) else {
                throw .connectionFileMalformed(path: path, reason: "expected a port number 1–65535 in '\(name)'")
            }
            ports[channel] = port
        }
        var info = ConnectionInfo(transport: transport, ip: try field("ip"), ports: ports, key: key, signatureScheme: scheme)
        info.curveSecretKey = try curveSecretKey(json, path: path)
        return info
    }

    /// The CURVE secret key when the file asks for encryption: both `curve_publickey` and
    /// `curve_secretkey` present, as jupyter_client writes them.
    private static func curveSecretKey(_ json: JSONValue, path: String) throws(JupyterProtocolError) -> String? {
        guard json["curve_publickey"] != nil || json["curve_secretkey"] != nil else { return nil }
        for name in ["curve_publickey", "curve_secretkey"] {
            guard let key = json[name]?.stringValue, key.utf8.count == 40 else {
                throw .connectionFileMalformed(
                    path: path, reason: "expected '\(name)' as a 40-character Z85 key, since the file asks for CurveZMQ")
            }
        }
        return json["curve_secretkey"]?.stringValue
    }
}

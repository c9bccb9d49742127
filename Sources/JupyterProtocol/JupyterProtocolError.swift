/// Why a connection file or a wire message could not be used.
public enum JupyterProtocolError: Error, Equatable, CustomStringConvertible {
    /// The connection file could not be read.
    case connectionFileUnreadable(path: String, reason: String)
    /// The connection file was read but is not a valid Jupyter connection file.
    case connectionFileMalformed(path: String, reason: String)
    /// A wire message lacked the `<IDS|MSG>` delimiter frame.
    case missingDelimiter
    /// A wire message had fewer than the five frames after the delimiter.
    case missingFrames(found: Int)
    /// The signature frame did not match the HMAC of the message frames.
    case badSignature
    /// Text that is not JSON: what was expected at which byte offset.
    case invalidJSON(offset: Int, reason: String)
    /// A header, parent header, metadata or content frame was not the JSON expected.
    case invalidFrame(name: String, reason: String)

    /// One line saying what was expected, what was found, and what to do.
    public var description: String {
        switch self {
        case .connectionFileUnreadable(let path, let reason):
            "cannot read connection file '\(path)': \(reason); pass the file Jupyter wrote with -f"
        case .connectionFileMalformed(let path, let reason):
            "connection file '\(path)' is not a Jupyter connection file: \(reason)"
        case .missingDelimiter:
            "message has no '<IDS|MSG>' delimiter frame; it is not a Jupyter wire message"
        case .missingFrames(let found):
            "message has \(found) frames after '<IDS|MSG>', expected at least 5 (signature, header, parent_header, metadata, content)"
        case .badSignature:
            "message signature does not match its HMAC-SHA256 under the session key"
        case .invalidJSON(let offset, let reason):
            "invalid JSON at byte \(offset): \(reason)"
        case .invalidFrame(let name, let reason):
            "message \(name) frame is invalid: \(reason)"
        }
    }
}

/// The Jupyter messaging protocol version this kernel implements.
public enum ProtocolVersion {
    /// Sent in every header and in `kernel_info_reply`.
    public static let current = "5.4"
}

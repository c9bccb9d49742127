import JupyterKernel

/// The most text one output message may carry, so that one huge `print` or `show` becomes a
/// truncated message with a note instead of an iopub frame of hundreds of megabytes that the
/// front end cannot render (and the kernel would have to hold twice).
struct OutputCap: Sendable {
    /// 1 MiB of UTF-8 per message, per MIME type: far more than a notebook cell shows usefully.
    static let defaultBytes = 1 << 20

    /// The cap in UTF-8 bytes.
    let bytes: Int

    init(bytes: Int = OutputCap.defaultBytes) {
        self.bytes = max(1, bytes)
    }

    /// `text` unchanged when it fits, else its first `bytes` (cut at a character boundary)
    /// followed by a note saying how much was left out.
    func clip(_ text: String) -> String {
        let size = text.utf8.count
        guard size > bytes else { return text }
        let utf8 = text.utf8
        var end = utf8.index(utf8.startIndex, offsetBy: bytes)
        // Back up over UTF-8 continuation bytes so no character is cut in half.
        while end > utf8.startIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
        let kept = String(decoding: utf8[..<end], as: UTF8.self)
        return kept + "\n[output truncated: \(size - kept.utf8.count) of \(size) bytes omitted; "
            + "the limit is \(bytes) bytes per message, so print a summary or a slice instead]\n"
    }

    /// Every entry of `bundle` clipped; HTML is dropped rather than cut, since cut markup
    /// would not render.
    func clip(_ bundle: MimeBundle) -> MimeBundle {
        var clipped: MimeBundle = [:]
        for (type, text) in bundle {
            if type == "text/html", text.utf8.count > bytes { continue }
            clipped[type] = clip(text)
        }
        return clipped
    }
}

import JupyterProtocol

extension KernelInfo {
    /// The content of `kernel_info_reply`; `debugger` says whether `debug_request` is answered.
    func replyContent(debugger: Bool) -> JSONValue {
        [
            "status": "ok",
            "protocol_version": .string(ProtocolVersion.current),
            "implementation": .string(implementation),
            "implementation_version": .string(implementationVersion),
            "language_info": [
                "name": .string(languageName),
                "version": .string(languageVersion),
                "mimetype": .string(mimetype),
                "file_extension": .string(fileExtension),
                "pygments_lexer": .string(pygmentsLexer),
                "codemirror_mode": .string(codemirrorMode),
            ],
            "banner": .string(banner),
            "help_links": .array(helpLinks.map { ["text": .string($0.text), "url": .string($0.url)] }),
            // JEP 92's list, and the older flag that jupyter_client and front ends still read.
            "supported_features": debugger ? ["debugger"] : [],
            "debugger": .bool(debugger),
        ]
    }
}

extension Interpreter {
    /// The content of `kernel_info_reply`, the same on shell and control.
    var kernelInfoReply: JSONValue { kernelInfo.replyContent(debugger: debugger != nil) }
}

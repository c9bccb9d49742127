import JupyterProtocol

extension KernelInfo {
    /// The content of `kernel_info_reply`.
    var replyContent: JSONValue {
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
            "debugger": false,
        ]
    }
}

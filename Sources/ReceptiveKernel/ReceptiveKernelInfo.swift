import JupyterKernel
import ReceptiveLanguage

/// The facts the Receptive kernel reports in `kernel_info_reply` and its kernelspec.
public enum ReceptiveKernelInfo {
    /// The kernel's version.
    public static let version = "0.1.0"

    /// The kernelspec name `jupyter console --kernel` takes.
    public static let kernelName = "receptive"

    /// `kernel_info_reply` facts. Highlighting borrows Python's lexer and CodeMirror mode: no
    /// lexer exists for Receptive, and Python's matches it best (`#` comments, `"…"` strings,
    /// `if/else/for/in/and/or/not/return` keywords, `**` and `@` operators).
    public static let kernelInfo = KernelInfo(
        implementation: "receptive", implementationVersion: version,
        languageName: "receptive", languageVersion: LanguageVersion.current,
        mimetype: "text/x-receptive", fileExtension: ".rcp",
        pygmentsLexer: "python", codemirrorMode: "python",
        banner: "Receptive \(version): tensors and convolution, drawn as text. Type help() for the builtins.",
        helpLinks: [
            (text: "Deep Learning, chapter 9: Convolutional Networks",
             url: "https://www.deeplearningbook.org/contents/convnets.html"),
            (text: "Jupyter documentation", url: "https://docs.jupyter.org"),
        ])

    /// The kernelspec that starts `executable` as this kernel; it answers JupyterLab's
    /// debugger (`ReceptiveInterpreter.debugger`).
    public static func kernelSpec(executable: String) -> KernelSpec {
        KernelSpec(argv: [executable, "kernel", "-f", "{connection_file}"], displayName: "Receptive",
                   language: "receptive", interruptMode: "message", debugger: true)
    }
}

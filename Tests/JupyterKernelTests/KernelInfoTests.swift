import JupyterKernel
import Testing

@Test func kernelInfoEqualityComparesHelpLinks() {
    let base = KernelInfo(implementation: "x", implementationVersion: "1", languageName: "l",
                          languageVersion: "1", mimetype: "text/plain", fileExtension: ".x",
                          pygmentsLexer: "text", codemirrorMode: "null", banner: "",
                          helpLinks: [(text: "a", url: "b")])
    var other = base
    other.helpLinks = [(text: "a", url: "c")]
    #expect(base == base)
    #expect(base != other)
}

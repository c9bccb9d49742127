import ReceptiveKernel
import Testing

@Test func languageInfoNamesReceptive() {
    let info = ReceptiveKernelInfo.kernelInfo
    #expect(info.languageName == "receptive")
    #expect(info.mimetype == "text/x-receptive")
    #expect(info.fileExtension == ".rcp")
    #expect(!info.helpLinks.isEmpty)
}

@Test func kernelSpecStartsThisBinaryWithTheConnectionFile() {
    let spec = ReceptiveKernelInfo.kernelSpec(executable: "/usr/local/bin/receptive")
    #expect(spec.argv == ["/usr/local/bin/receptive", "kernel", "-f", "{connection_file}"])
    #expect(spec.displayName == "Receptive")
    #expect(spec.language == "receptive")
    #expect(spec.interruptMode == "message")
}

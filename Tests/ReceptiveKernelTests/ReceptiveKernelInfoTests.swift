import ReceptiveKernel
import Testing

@Test func versionIsSemantic() {
    #expect(ReceptiveKernelInfo.version.split(separator: ".").count == 3)
}

import Testing
import ZeroMQ

@Test func linkedLibraryIsVersionFour() {
    #expect(ZeroMQLibrary.version.major == 4)
}

import JupyterProtocol
import Testing

@Test func protocolVersionIsAtLeastFivePointFour() {
    let parts = ProtocolVersion.current.split(separator: ".").compactMap { Int($0) }
    #expect(parts.count == 2 && (parts[0], parts[1]) >= (5, 4))
}

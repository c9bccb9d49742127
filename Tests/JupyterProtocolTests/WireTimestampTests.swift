import Testing
@testable import JupyterProtocol

@Test func timestampsAreUTCWithMicroseconds() {
    #expect(WireTimestamp.format(seconds: 0, microseconds: 0) == "1970-01-01T00:00:00.000000Z")
    #expect(WireTimestamp.format(seconds: 1_798_761_599, microseconds: 123_456) == "2026-12-31T23:59:59.123456Z")
    #expect(WireTimestamp.format(seconds: 951_782_400, microseconds: 7) == "2000-02-29T00:00:00.000007Z")
}

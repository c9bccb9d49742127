import Testing
@testable import receptive

@Suite struct KeyTests {
    /// Decodes every key in `bytes`.
    private func keys(_ bytes: [UInt8]) -> [Key] {
        var remaining = bytes[...]
        var decoded: [Key] = []
        while let key = Key.read(from: { remaining.popFirst() }) { decoded.append(key) }
        return decoded
    }

    @Test func controlKeysAndPrintableCharacters() {
        #expect(keys([0x61, 0x09, 0x0D, 0x7F, 0x01, 0x05, 0x03, 0x04, 0x15, 0x0B])
                == [.character("a"), .tab, .enter, .backspace, .home, .end, .interrupt, .endOfFile,
                    .deleteToStart, .deleteToEnd])
    }

    @Test func arrowHomeEndAndDeleteSequences() {
        let sequences = Array("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}[H\u{1B}OF\u{1B}[1~\u{1B}[4~\u{1B}[3~".utf8)
        #expect(keys(sequences) == [.up, .down, .right, .left, .home, .end, .home, .end, .delete])
    }

    @Test func multiByteCharactersDecodeToOneScalar() {
        #expect(keys(Array("é∑".utf8)) == [.character("é"), .character("∑")])
    }

    @Test func unknownOrTruncatedSequencesAreIgnoredNotFatal() {
        #expect(keys(Array("\u{1B}[15~\u{1B}[Z".utf8)) == [.unknown, .unknown])
        #expect(keys([0x1B]) == [.unknown])
        #expect(keys([0xE2, 0x88]) == [.unknown])
    }
}

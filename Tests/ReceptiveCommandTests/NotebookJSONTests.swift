import JupyterProtocol
import Testing
@testable import receptive

@Suite struct NotebookJSONTests {
    /// Bit patterns and `repr()` of each double, from Python 3.11.7 (`struct.pack("<d", v)` and
    /// `repr(v)`): the thresholds of positional notation, subnormals, the extremes, and random
    /// doubles drawn with `random.seed(18)`.
    static let pythonReprs: [(UInt64, String)] = [
        (0x0000000000000000, "0.0"), (0x8000000000000000, "-0.0"), (0x3ff0000000000000, "1.0"),
        (0x3fb999999999999a, "0.1"), (0x3f1a36e2eb1c432d, "0.0001"), (0x3ee4f8b588e368f1, "1e-05"),
        (0x430c6bf526340000, "1000000000000000.0"), (0x4341c37937e08000, "1e+16"),
        (0x4340e0198eaee000, "9500000000000000.0"), (0x4340000000000000, "9007199254740992.0"),
        (0x0000000000000001, "5e-324"), (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0x405edd2f1a9fbe77, "123.456"), (0xbe90c6f7a0b5ed8d, "-2.5e-07"), (0x4480f0cf064dd592, "1e+22"),
        (0x3fd3333333333334, "0.30000000000000004"), (0x4345ee2a2eb5a5c4, "1.2345678901234568e+16"),
        (0x000012688b70e62b, "1e-310"), (0x1f70d5dc2e675fc7, "3.06552934678117e-157"),
        (0x72e63ac7a9538322, "3.035696215253337e+245"), (0x3d4fa08455a5b465, "2.2472348792584413e-13"),
        (0xf3b08f6932ac2b62, "-1.8526013531417184e+249"), (0xa0d0e9b47d50e092, "-1.2916966173120972e-150"),
        (0x4ba417007ad25f92, "2.4630085746064913e+56"), (0x85a8bb9b530e60cb, "-2.128962589459719e-281"),
        (0xc32f9525acc10a6c, "-4444856661345590.0"), (0xc1223249feb7d72e, "-596260.997496342"),
        (0x4115ae282340b0d0, "355210.03442646284"), (0x411bb9021dc827a4, "454208.52908384264"),
    ]

    @Test func doublesAreWrittenAsPythonsRepr() {
        for (bits, expected) in Self.pythonReprs {
            #expect(NotebookJSON.pythonRepr(Double(bitPattern: bits)) == expected)
        }
    }

    @Test func stringsAreEscapedAsPythonsEncoderDoesWithoutEnsureASCII() {
        var text = ""
        NotebookJSON.writeString("a\"b\\c\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}é×\u{2028}😀/", to: &text)
        #expect(text == #""a\"b\\c\n\r\t\b\f\u0001\u001f"# + "\u{7F}é×\u{2028}😀/\"")
    }

    @Test func documentsAreIndentedByOneWithSortedKeysAndEmptyContainersInline() {
        let value: JSONValue = ["b": [1, 2.5, "x"], "a": [:], "é": [], "Z": [true, .null, ["k": 0]]]
        #expect(NotebookJSON.text(of: value) == """
            {
             "Z": [
              true,
              null,
              {
               "k": 0
              }
             ],
             "a": {},
             "b": [
              1,
              2.5,
              "x"
             ],
             "é": []
            }

            """)
    }

    @Test func linesSplitWhereverPythonsSplitlinesDoes() {
        let lines = NotebookDocument.lines("a\nb\r\nc\rd\u{0B}e\u{1C}f\u{85}g\u{2028}h\u{2029}i")
        #expect(lines == ["a\n", "b\r\n", "c\r", "d\u{0B}", "e\u{1C}", "f\u{85}", "g\u{2028}", "h\u{2029}", "i"])
        #expect(NotebookDocument.lines("") == [])
        #expect(NotebookDocument.lines("x\n") == ["x\n"])
    }
}

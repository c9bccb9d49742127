import Foundation
@testable import JupyterProtocol
import Testing

@Test func parsingKeepsIntegersBoolsAndDoublesApart() throws {
    let value = try JSONValue.parse(Data(#"{"a":1,"b":true,"c":2.5,"d":null,"e":["x"],"f":1e300}"#.utf8))
    #expect(value == ["a": 1, "b": true, "c": 2.5, "d": nil, "e": ["x"], "f": .double(1e300)])
}

@Test func serializationIsCompactSortedAndEscaped() {
    let value: JSONValue = ["b": "line\n\"q\"\u{1}é", "a": [1, 0.5, false, nil]]
    let text = String(decoding: value.serialized(), as: UTF8.self)
    #expect(text == #"{"a":[1,0.5,false,null],"b":"line\n\"q\"\u0001é"}"#)
}

@Test func serializedTextParsesBackToTheSameValue() throws {
    let value: JSONValue = ["text": "tab\tback\\slash ✓ 🎉", "n": -3, "x": 1e-7, "nested": ["k": [[]]]]
    #expect(try JSONValue.parse(value.serialized()) == value)
}

@Test func parsingHandlesEscapesSurrogatePairsAndWhitespace() throws {
    let text = #" { "s" : "a\"b\\c\/d\b\f\n\r\t\u00e9\ud83c\udf89" , "e" : [ ] , "o" : { } , "n" : -0 } "#
    #expect(try JSONValue.parse(Data(text.utf8)) == ["s": "a\"b\\c/d\u{8}\u{c}\n\r\té🎉", "e": [], "o": [:], "n": 0])
}

@Test func numbersAreIntsOnlyWithoutFractionOrExponentAndWhenTheyFit() throws {
    let value = try JSONValue.parse(Data("[10, -7, 1.0, 2e3, -1.5E-2, 99999999999999999999]".utf8))
    #expect(value == [10, -7, .double(1), .double(2000), .double(-0.015), .double(1e20)])
}

@Test func malformedJSONIsAnErrorNamingTheOffset() {
    let cases: [(String, Int)] = [
        ("", 0), ("{", 1), (#"{"a" 1}"#, 5), (#"{"a":1,}"#, 7), ("[1 2]", 3), ("01", 0), ("1.", 2), ("1e", 2),
        ("tru", 0), (#""abc"#, 4), ("\"a\u{1}\"", 2), (#""\x""#, 2), (#""\ud83c""#, 7), (#""\udf89""#, 7),
        ("[1] x", 4), ("-", 1),
    ]
    for (text, offset) in cases {
        #expect(throws: JupyterProtocolError.self, "\(text)") { try JSONValue.parse(Data(text.utf8)) }
        do {
            _ = try JSONValue.parse(Data(text.utf8))
        } catch {
            guard case .invalidJSON(let found, _) = error else { Issue.record("\(text): \(error)"); continue }
            #expect(found == offset, "\(text)")
        }
    }
}

@Test func invalidUTF8AndDeepNestingAreRefused() {
    #expect(throws: JupyterProtocolError.self) { try JSONValue.parse(Data([0x22, 0xFF, 0xFE, 0x22])) }
    let deep = String(repeating: "[", count: JSONParser.maximumDepth + 1) + String(repeating: "]", count: JSONParser.maximumDepth + 1)
    #expect(throws: JupyterProtocolError.self) { try JSONValue.parse(Data(deep.utf8)) }
    let allowed = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
    #expect(throws: Never.self) { try JSONValue.parse(Data(allowed.utf8)) }
}

import Foundation
import JupyterProtocol
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

import Testing
@testable import ReceptiveKernel

@Test func textWithinTheCapIsUnchanged() {
    #expect(OutputCap(bytes: 5).clip("hello") == "hello")
}

@Test func longTextIsCutAndSaysHowMuchWasOmitted() {
    let clipped = OutputCap(bytes: 4).clip("abcdefghij")
    #expect(clipped == "abcd\n[output truncated: 6 of 10 bytes omitted; the limit is 4 bytes per message, "
        + "so print a summary or a slice instead]\n")
}

@Test func theCutNeverSplitsACharacter() {
    // "é" is two UTF-8 bytes: a 2-byte cap lands inside it and must back up to "a".
    #expect(OutputCap(bytes: 2).clip("aébc").hasPrefix("a\n[output truncated: 4 of 5 bytes"))
    #expect(OutputCap(bytes: 3).clip("aébc").hasPrefix("aé\n[output truncated: 2 of 5 bytes"))
}

@Test func oversizedHTMLIsDroppedAndPlainTextClipped() {
    let clipped = OutputCap(bytes: 3).clip(["text/plain": "123456", "text/html": "<b>123456</b>"])
    #expect(clipped.keys.sorted() == ["text/plain"])
    #expect(clipped["text/plain"]?.hasPrefix("123\n[output truncated") == true)
}

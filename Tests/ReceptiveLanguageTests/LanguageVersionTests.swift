import ReceptiveLanguage
import Testing

@Test func languageVersionIsOne() {
    #expect(LanguageVersion.current.hasPrefix("1."))
}

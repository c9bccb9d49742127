@testable import ReceptiveLanguage
import Testing

/// Tokens, their source ranges, and where newlines end statements.
struct LexerTests {
    private func kinds(_ source: String) -> [TokenKind] {
        Lexer(source).tokens.map(\.kind)
    }

    @Test func numbersAllowUnderscoresAndExponents() {
        #expect(kinds("1_000 2.5 1e-3 6.02E23") == [.number(1000), .number(2.5), .number(0.001), .number(6.02e23), .end])
    }

    @Test func stringsDecodeEscapes() {
        #expect(kinds(#""a\tb\n\"q\" \\""#) == [.string("a\tb\n\"q\" \\"), .end])
    }

    @Test func keywordsAndOperators() {
        #expect(kinds("fn f(a) = a ** 2 @ b != c") == [
            .fn, .identifier, .leftParen, .identifier, .rightParen, .equal, .identifier, .starStar,
            .number(2), .at, .identifier, .bangEqual, .identifier, .end,
        ])
        #expect(kinds("x += 1; y /= 2") == [.identifier, .plusEqual, .number(1), .semicolon, .identifier, .slashEqual, .number(2), .end])
    }

    @Test func newlinesAreIgnoredInsideParenthesesAndBracketsButNotBlocks() {
        #expect(kinds("f(1,\n2)\n") == [.identifier, .leftParen, .number(1), .comma, .number(2), .rightParen, .newline, .end])
        #expect(kinds("[1,\n2]") == [.leftBracket, .number(1), .comma, .number(2), .rightBracket, .end])
        #expect(kinds("{\na\n}") == [.leftBrace, .newline, .identifier, .newline, .rightBrace, .end])
    }

    @Test func commentsRunToTheEndOfTheLine() {
        #expect(kinds("a # note ( [\nb") == [.identifier, .newline, .identifier, .end])
    }

    @Test func rangesCountLinesColumnsAndCodePointOffsets() throws {
        let tokens = Lexer("é = 1\n  xy").tokens
        let name = try #require(tokens.first { $0.lexeme == "xy" })
        #expect(name.range.start == SourceLocation(line: 2, column: 3, offset: 8))
        #expect(name.range.end == SourceLocation(line: 2, column: 5, offset: 10))
        #expect(tokens[0].range.end.offset == 1)
    }

    @Test func errorsAreCollectedNotThrown() {
        let lexer = Lexer("a $ b ! c \"open")
        #expect(lexer.errors.count == 3)
        #expect(lexer.errors.allSatisfy { $0.kind == .syntax })
        #expect(lexer.endedInsideString)
    }

    @Test func bracketsStillOpenAtTheEndAreReported() {
        #expect(Lexer("f([1, {").openBrackets == [.leftParen, .leftBracket, .leftBrace])
        #expect(Lexer("a)").hasUnmatchedClose)
    }
}

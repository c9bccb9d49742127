@testable import ReceptiveLanguage
import Testing
import TextPlots

/// Whether `text` holds only printable ASCII (bytes 0x20–0x7E) and newlines.
private func isPrintableASCII(_ text: String) -> Bool {
    text.utf8.allSatisfy { $0 == 0x0A || (0x20...0x7E).contains($0) }
}

/// Runs `cells` in `session` and returns every output line and every error's traceback line.
private func transcript(_ cells: [String], in session: Session) -> [String] {
    let output = RecordingOutput()
    var lines: [String] = []
    for cell in cells {
        let result = session.run(cell, output: output)
        output.record(result)
        if case .failure(let error) = result {
            lines += error.traceback + [error.message]
        }
    }
    return output.lines + lines
}

/// `set(charset:)` and `charset:`: everything a session writes, in ASCII when asked.
struct CharsetSessionTests {
    /// Cells that draw every kind of figure and write every kind of result and error with
    /// symbols (×, →, …, ≠, ≥) in Unicode.
    static let everything = [
        "x = [[0, 0, 1, 1, 0], [0, 0, 1, 1, 0], [0, 0, 1, 1, 0]]\nshow(correlate(x, [[-1, 1]]))",
        "show(heatmap([[-1, 0.5], [0, 1]], title: \"signs → here\"))\nshow(heatmap(x, ramp: \"half\"))",
        "show(heatmap(zeros(3, 2, 2)))",
        "show(spy(eye(4), row_labels: \"s\", column_labels: \"x\"))\nshow(spy([[1, 2, 0], [0, 1, 2]], letters: true))",
        "show(spy(eye(300)))\nshow(spy(connectivity(conv_layer(3), input: 6)))",
        "show(bar([3, 1.5, -2], labels: [\"a\", \"b\", \"c\"], width: 30))\nshow(hist([1, 2, 2, 3], bins: 2, width: 30))",
        "show(table([[1, \"one\"], [1000, \"thousand\"]], headers: [\"n\", \"name\"]))",
        "show(grid([1, 2], heatmap(eye(2)), titles: [\"t\", \"h\"]))",
        "show(lineplot([[0, 1, 0], [1, 0, 1]], labels: [\"up\", \"down\"], height: 4, width: 40))",
        "show(diagram(conv_layer(3), input: 5, highlight: \"x3\"))\nshow(diagram(conv_layer(3), input: 5, compare: true))",
        "show(dense_layer(3, 4))\nshow(conv_layer(3))\nshow(connectivity(conv_layer(3), input: 6))\nshow([zeros(2, 3)])",
        "compare(conv_layer([[-1, 1]]), input: (28, 32))",
        "receptive_field(conv_layer(3), conv_layer(3), input: 5)",
        "vars()",
        "help(heatmap)\nhelp(spy)\nhelp()",
        "zeros(2, 2) @ zeros(3, 3)",
        "reshape(zeros(6), 4, -1)",
        String(repeating: "y = 1; ", count: 30) + "undefined_name_here",
        "len(3)",
        "1 +",
        "show(slider(0, 1, step: 0.5, label: \"s → here\"))\nfn pick(i) = [1, 2][i]\ninteract(pick, i: slider(0, 3, value: 3))",
        "show(window(reshape(arange(9), (3, 3)), eye(2), at: (0, 1), padding: 1))",
    ]

    @Test func anASCIISessionWritesOnlyPrintableASCII() {
        let session = Session(charset: .ascii)
        #expect(session.charset == .ascii)
        let lines = transcript(Self.everything, in: session)
        #expect(lines.count > 150)
        for line in lines where !isPrintableASCII(line) {
            Issue.record("not ASCII: «\(line)»")
        }
    }

    @Test func aUnicodeSessionStillDrawsUnicode() {
        let text = transcript(Self.everything, in: Session()).joined(separator: "\n")
        for symbol in ["×", "┌", "●", "⠑", "█", "│", "→", "…", "≠", "╱"] {
            #expect(text.contains(symbol), "Unicode output lacks \(symbol)")
        }
    }

    @Test func setChangesTheCharsetOfLaterResultsAndErrors() {
        let session = Session()
        let lines = transcript(["zeros(2, 3)", "set(charset: \"ascii\")\nzeros(2, 3)", "zeros(2) @ zeros(3)",
                                "set(charset: \"unicode\")", "zeros(2, 3)"], in: session)
        #expect(lines.filter { $0.hasPrefix("tensor") } == ["tensor 2×3", "tensor 2x3", "tensor 2×3"])
        #expect(lines.contains("error: ShapeError: matrix product needs matching inner sizes, found 2 @ 3 (2 != 3)"))
    }

    @Test func theCharsetArgumentOverridesTheSessionForOneFigure() {
        let unicodeSession = transcript(["spy(eye(2), charset: \"ascii\")", "spy(eye(2))"], in: Session())
        #expect(unicodeSession == ["  0 1", "0 # .", "1 . #", "2x2   2 != 0   density 50%",
                                   "  0 1", "0 ● ·", "1 · ●", "2×2   2 ≠ 0   density 50%"])
        let asciiSession = transcript(["table([[1, 2]], headers: [\"a\", \"b\"], charset: \"unicode\")"],
                                      in: Session(charset: .ascii))
        #expect(asciiSession == ["a   b", "─   ─", "1   2"])
    }

    @Test func everyPlottingBuiltinTakesACharset() throws {
        for name in ["heatmap", "spy", "lineplot", "bar", "hist", "grid", "table", "diagram", "set"] {
            let builtin = try #require(Builtins.all[name])
            #expect(builtin.parameters.contains { $0.name == "charset" && $0.kind == .namedOnly }, "\(name)")
        }
    }

    @Test func aBadCharsetIsAValueErrorThatChangesNothing() {
        let session = Session()
        let lines = transcript(["set(width: 30, max_elements: 10, charset: \"ebcdic\")", "zeros(20)",
                                "heatmap(eye(2), charset: \"latin1\")"], in: session)
        #expect(lines.contains(
            "error: ValueError: set: 'charset' must be one of \"unicode\", \"ascii\", found \"ebcdic\""))
        #expect(lines.contains("tensor 20"), "max_elements was changed by a failed set()")
        #expect(session.charset == .unicode)
        #expect(lines.contains(
            "error: ValueError: heatmap: 'charset' must be one of \"unicode\", \"ascii\", found \"latin1\""))
    }

    @Test func everyBuiltinsHelpSpellsInASCII() {
        let texts = [HelpText.index()] + Builtins.all.values.map { HelpText.text(for: $0) }
        for text in texts {
            let spelt = Charset.ascii.spell(text)
            #expect(isPrintableASCII(spelt.replacingOccurrences(of: "\n", with: " ")),
                    "help has a character the ASCII spelling lacks: \(spelt.unicodeScalars.filter { $0.value > 0x7E })")
        }
    }

    @Test func inspectionFollowsTheCharset() throws {
        let session = Session(charset: .ascii)
        _ = session.run("w = zeros(2, 3)", output: RecordingOutput())
        let variable = try #require(session.inspection(in: "w", cursorPosition: 1))
        #expect(variable.text.contains("tensor 2x3"))
        #expect(isPrintableASCII(variable.text))
        let builtin = try #require(session.inspection(in: "conv2d(", cursorPosition: 7))
        #expect(isPrintableASCII(builtin.text))
    }

    @Test func cutSourceLinesAreMarkedWithDotsAndTheCaretsStayUnderTheError() {
        let source = String(repeating: "a", count: 300) + " + oops"
        let range = SourceRange(start: SourceLocation(line: 1, column: 304, offset: 0),
                                end: SourceLocation(line: 1, column: 308, offset: 0))
        let lines = DiagnosticFormatter.lines(for: RuntimeError(.name, "no 2×2", at: range), in: source, charset: .ascii)
        #expect(lines[0] == "NameError: no 2x2")
        #expect(lines[1] == "1 | ..." + String(repeating: "a", count: 93) + " + oops")
        #expect(lines[2] == "  | " + String(repeating: " ", count: 99) + "^^^^")
        #expect(lines[1].dropFirst(4).dropFirst(99).hasPrefix("oops"))
    }

    @Test func theProgressBarIsASCIIInASCII() {
        let text = ProgressBar.text(label: "conv", done: 58, total: 100, elapsed: .milliseconds(3100), width: 40,
                                    charset: .ascii)
        #expect(text.hasPrefix("conv #"))
        #expect(text.contains("#."))
        #expect(text.hasSuffix(" 58%  (3.1 s)"))
        #expect(isPrintableASCII(text))
    }
}

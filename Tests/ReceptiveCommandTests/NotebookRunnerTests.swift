import Foundation
import JupyterProtocol
import Testing
@testable import receptive

@Suite struct NotebookRunnerTests {
    private func notebook(_ sources: [String], tags: [[String]] = []) throws -> NotebookDocument {
        let cells: [JSONValue] = sources.enumerated().map { index, source in
            ["cell_type": "code", "execution_count": .null, "id": .string("c\(index)"), "outputs": [],
             "metadata": ["tags": .array((index < tags.count ? tags[index] : []).map { .string($0) })],
             "source": NotebookDocument.lines(source)]
        }
        let value: JSONValue = ["cells": .array(cells), "metadata": [:], "nbformat": 4, "nbformat_minor": 5]
        return try NotebookDocument(data: value.serialized(), path: "test.ipynb")
    }

    @Test func cellsShareOneSessionAndCountAsJupyterCounts() throws {
        let runner = NotebookRunner()
        let cells = try notebook(["x = 2", "   \n", "print(x)\nx * 3", "undefined_name"]).codeCells
        #expect(runner.run(cells[0])?.executionCount == 1)
        #expect(runner.run(cells[1]) == nil)
        #expect(runner.run(cells[2])?.executionCount == 2)
        #expect(NotebookCell.text(of: runner.outputs(ofCell: 2) ?? []) == "2\n6\n")
        let failed = runner.run(cells[3])
        #expect(failed?.error?.hasPrefix("NameError: name 'undefined_name' is not defined") == true)
        #expect(runner.executionCount(ofCell: 3) == 3)
        #expect(runner.outputs(ofCell: 1) == nil)
    }

    @Test func readingRejectsWhatIsNotAnNbformat4Notebook() {
        #expect(throws: CommandError.notANotebook(path: "x.ipynb", reason: "it has no \"cells\" list")) {
            try NotebookDocument(data: Data("{\"worksheets\": []}".utf8), path: "x.ipynb")
        }
        #expect(throws: CommandError.self) { try NotebookDocument(data: Data("{\"cells\": [], \"nbformat\": 3}".utf8), path: "x") }
        #expect(throws: CommandError.self) { try NotebookDocument(data: Data("not json".utf8), path: "x") }
        let python = #"{"cells": [], "nbformat": 4, "metadata": {"kernelspec": {"name": "python3", "language": "python"}}}"#
        #expect(throws: CommandError.notANotebook(path: "p.ipynb", reason: "its kernel's language is 'python', not Receptive")) {
            try NotebookDocument(data: Data(python.utf8), path: "p.ipynb")
        }
        #expect(throws: CommandError.self) {
            try NotebookDocument(data: Data("{\"cells\": [{\"cell_type\": \"code\", \"source\": 3}], \"nbformat\": 4}".utf8), path: "x")
        }
    }

    @Test func savedDocumentsSplitLinesAndKeepWhatTheyDoNotChange() throws {
        var document = try notebook(["print(1)\nprint(2)"], tags: [["keep-me"]])
        document.setOutputs([["output_type": "stream", "name": "stdout", "text": "1\n2\n"]], executionCount: 1, ofCell: 0)
        let text = document.text
        #expect(text.contains("\"source\": [\n    \"print(1)\\n\",\n    \"print(2)\"\n   ]"))
        #expect(text.contains("\"text\": [\n      \"1\\n\",\n      \"2\\n\"\n     ]"))
        #expect(text.contains("\"keep-me\""))
        #expect(text.hasSuffix("}\n"))
        let reread = try NotebookDocument(data: Data(text.utf8), path: "again.ipynb")
        #expect(reread.codeCells.first?.outputs.first?["text"] == "1\n2\n")
        #expect(reread.text == text)
    }
}

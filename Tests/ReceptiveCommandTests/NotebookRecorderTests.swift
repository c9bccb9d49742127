import JupyterKernel
import JupyterProtocol
import Testing
@testable import receptive

@Suite struct NotebookRecorderTests {
    private func text(_ data: String) -> MimeBundle { ["text/plain": data] }

    @Test func outputsAreStoredOnePerMessageAsNbclientStoresThem() {
        let recorder = NotebookRecorder()
        recorder.begin(cell: 3)
        recorder.stream(.stdout, "a\n")
        recorder.stream(.stdout, "b\n")
        recorder.display(text("plot"), displayID: nil, update: false)
        recorder.result(text("42"), executionCount: 7)
        #expect(recorder.outputs[3] == [
            ["output_type": "stream", "name": "stdout", "text": "a\n"],
            ["output_type": "stream", "name": "stdout", "text": "b\n"],
            ["output_type": "display_data", "data": ["text/plain": "plot"], "metadata": [:]],
            ["output_type": "execute_result", "data": ["text/plain": "42"], "metadata": [:], "execution_count": 7],
        ])
    }

    @Test func aDisplayUpdateRewritesThatDisplayInEveryCell() {
        let recorder = NotebookRecorder()
        recorder.begin(cell: 0)
        recorder.display(text("frame 0"), displayID: "d", update: false)
        recorder.display(text("frame 1"), displayID: "d", update: true)
        recorder.begin(cell: 1)
        recorder.display(text("frame 2"), displayID: "d", update: false)
        recorder.display(text("final"), displayID: "d", update: true)
        recorder.display(text("unknown"), displayID: "other", update: true)
        let final: JSONValue = ["output_type": "display_data", "data": ["text/plain": "final"], "metadata": [:]]
        #expect(recorder.outputs[0] == [final])
        #expect(recorder.outputs[1] == [final])
    }

    @Test func clearOutputIsImmediateOrWaitsForTheNextOutput() {
        let recorder = NotebookRecorder()
        recorder.begin(cell: 0)
        recorder.stream(.stdout, "old\n")
        recorder.clearOutput(wait: true)
        #expect(recorder.outputs[0]?.count == 1)
        recorder.stream(.stderr, "new\n")
        #expect(recorder.outputs[0] == [["output_type": "stream", "name": "stderr", "text": "new\n"]])
        recorder.display(text("x"), displayID: "d", update: false)
        recorder.clearOutput(wait: false)
        recorder.display(text("y"), displayID: "d", update: true)
        #expect(recorder.outputs[0] == [])
    }

    @Test func inputIsRefusedAsNbclientRefusesIt() {
        #expect(throws: KernelError.self) { try NotebookRecorder().readInput(prompt: "? ", password: false) }
    }

    @Test func errorsKeepTheKernelsTraceback() {
        let recorder = NotebookRecorder()
        recorder.begin(cell: 0)
        recorder.error(ename: "NameError", evalue: "name 'y' is not defined", traceback: ["NameError: …", "1 | y"])
        #expect(NotebookCell.text(of: recorder.outputs[0] ?? []) == "NameError: name 'y' is not defined\n")
        #expect(NotebookCell.printedText(of: recorder.outputs[0] ?? []) == "NameError: …\n1 | y\n")
    }
}

import Foundation
import JupyterKernel
import JupyterProtocol
import ReceptiveKernel
import Testing

/// Records what a cell or comm handler sends, comms included, as the kernel's context would.
private final class CommRecordingContext: ExecutionContext {
    var displays: [[String: JSONValue]] = []
    var opened: [CommMessage] = []
    var sent: [CommMessage] = []
    var closed: [String] = []
    /// What `isCommMessageQueued` answers (the kernel looks at its shell queue).
    var queued: Set<String> = []

    func stream(_ name: StreamName, _ text: String) {}
    func display(_ data: MimeBundle, displayID: String?, update: Bool) { displays.append(data.mapValues { .string($0) }) }
    func display(json data: [String: JSONValue], displayID: String?, update: Bool) { displays.append(data) }
    func clearOutput(wait: Bool) {}
    func readInput(prompt: String, password: Bool) throws -> String { "" }
    func openComm(_ comm: CommMessage) { opened.append(comm) }
    func sendComm(_ message: CommMessage) { sent.append(message) }
    func closeComm(id: String, data: JSONValue) { closed.append(id) }
    func isCommMessageQueued(for ids: Set<String>) -> Bool { !queued.isDisjoint(with: ids) }

    /// The state each opened model was opened with, by model name.
    func openedState(_ modelName: String) -> [String: JSONValue]? {
        opened.first { $0.data["state"]?["_model_name"] == .string(modelName) }?.data["state"]?.objectValue
    }

    func id(of modelName: String) -> String {
        opened.first { $0.data["state"]?["_model_name"] == .string(modelName) }?.commID ?? "?"
    }

    /// The `outputs` of the last update sent to `id`.
    func lastOutputs(of id: String) -> [JSONValue]? {
        sent.last { $0.commID == id && $0.data["state"]?["outputs"] != nil }?.data["state"]?["outputs"]?.arrayValue
    }
}

/// The fixture written by ipywidgets itself (`Fixtures/ipywidgets_states.py`).
private let fixture: JSONValue = {
    guard let url = Bundle.module.url(forResource: "Fixtures/ipywidgets-states", withExtension: "json"),
          let data = try? Data(contentsOf: url), let json = try? JSONValue.parse(data) else { return .null }
    return json
}()

private func run(_ interpreter: ReceptiveInterpreter, _ code: String, _ context: CommRecordingContext) -> ExecutionOutcome {
    interpreter.execute(ExecutionRequest(code: code, executionCount: 1), context: context)
}

private func update(_ id: String, _ state: JSONValue) -> CommMessage {
    CommMessage(commID: id, targetName: "jupyter.widget", data: ["method": "update", "state": state, "buffer_paths": []])
}

/// A state with its `IPY_MODEL_<id>` references named by role, as the fixture writes them.
private func normalized(_ state: [String: JSONValue]) -> [String: JSONValue] {
    var state = state
    for key in ["layout", "style"] where state[key] != nil { state[key] = .string("IPY_MODEL_\(key)") }
    return state
}

@Test func interactOpensIpywidgetsModelsAndDisplaysTheBoxWithATextFallback() throws {
    let interpreter = ReceptiveInterpreter()
    let context = CommRecordingContext()
    #expect(run(interpreter, "fn f(k) = k * 2\ninteract(f, k: slider(1, 7, value: 3))", context) == .success(result: nil, payloads: []))
    #expect(context.opened.map { $0.data["state"]?["_model_name"]?.stringValue ?? "?" }
        == ["LayoutModel", "SliderStyleModel", "IntSliderModel", "LayoutModel", "OutputModel", "LayoutModel", "VBoxModel"])
    #expect(context.opened.allSatisfy { $0.targetName == "jupyter.widget" && $0.metadata == ["version": "2.1.0"] })
    #expect(context.opened.allSatisfy { $0.data["buffer_paths"] == [] })

    let box = context.id(of: "VBoxModel")
    #expect(context.openedState("VBoxModel")?["children"]
        == [.string("IPY_MODEL_" + context.id(of: "IntSliderModel")), .string("IPY_MODEL_" + context.id(of: "OutputModel"))])
    let display = try #require(context.displays.first)
    #expect(display["application/vnd.jupyter.widget-view+json"] == ["model_id": .string(box), "version_major": 2, "version_minor": 0])
    #expect(display["text/plain"] == "interact: f(k: 3) (f ran once with these values; the controls need a front end with Jupyter widgets)\n6")
    #expect(context.openedState("OutputModel")?["outputs"]
        == [["output_type": "display_data", "data": ["text/plain": "6"], "metadata": [:]]])
}

@Test func modelStatesMatchWhatIpywidgetsSends() throws {
    let interpreter = ReceptiveInterpreter()
    let context = CommRecordingContext()
    _ = run(interpreter, """
        fn f(k, sigma, mode, flip, t) = 0
        interact(f, k: slider(1, 7, value: 3), sigma: slider(0, 1, step: 0.05, value: 0.5),
                 mode: dropdown(["valid", "same", "full"], value: "same"), flip: checkbox(value: true),
                 t: play(0, 5, interval_ms: 200))
        """, context)
    let models = try #require(fixture["models"]?.objectValue)
    for (name, label) in [("IntSlider", "k"), ("FloatSlider", "sigma"), ("Dropdown", "mode"), ("Checkbox", "flip"),
                          ("Play", "t"), ("VBox", nil), ("Output", nil)] as [(String, String?)] {
        var expected = try #require(models[name]?.objectValue)
        if name == "VBox" { expected["children"] = context.openedState("VBoxModel")?["children"] }
        var actual = try #require(context.openedState(name + "Model"))
        if name == "Output" { actual["outputs"] = [] }
        #expect(normalized(actual) == expected, "\(name) (label \(label ?? "none"))")
    }
    for (name, style) in try #require(fixture["styles"]?.objectValue) {
        let modelName = try #require(style["_model_name"]?.stringValue)
        #expect(context.openedState(modelName).map { .object($0) } == style, "style of \(name)")
    }
    #expect(context.openedState("LayoutModel").map { .object($0) } == fixture["layout"])
}

@Test func aSliderUpdateIsEchoedAndRendersTheOutputAgain() throws {
    let interpreter = ReceptiveInterpreter()
    let context = CommRecordingContext()
    _ = run(interpreter, "k = slider(1, 7, value: 3)\nfn f(k) = k * 2\ninteract(f, k: k)", context)
    let slider = context.id(of: "IntSliderModel"), output = context.id(of: "OutputModel")
    interpreter.commMessage(update(slider, ["value": 5]), context: context)
    #expect(context.sent.first?.data == ["method": "echo_update", "state": ["value": 5], "buffer_paths": []])
    #expect(context.lastOutputs(of: output) == [["output_type": "display_data", "data": ["text/plain": "10"], "metadata": [:]]])
    // The language sees the front end's value.
    _ = run(interpreter, "k.value", context)
    guard case .success(let result, _) = run(interpreter, "k.value", context) else { return }
    #expect(result?["text/plain"] == "5")
}

@Test func badUpdatesAreIgnoredAndTheStateStaysAsItWas() throws {
    let interpreter = ReceptiveInterpreter()
    let context = CommRecordingContext()
    _ = run(interpreter, "k = slider(1, 7, value: 3)\nfn f(k) = k * 2\ninteract(f, k: k)", context)
    let slider = context.id(of: "IntSliderModel")
    let huge = String(repeating: "x", count: 5 << 20)
    for state: JSONValue in [["value": "five"], ["value": 99], ["value": 2.5], ["value": .string(huge)], ["max": 100],
                             ["value": 4, "min": 0], ["value": .null], "not an object"] {
        context.sent.removeAll()
        interpreter.commMessage(update(slider, state), context: context)
        #expect(!context.sent.contains { $0.data["method"] == "echo_update" }, "\(state)")
        #expect(context.lastOutputs(of: context.id(of: "OutputModel")) == nil, "no render for \(state)")
    }
    for data: JSONValue in [[:], ["method": 3], ["method": "frobnicate"], ["method": "update"],
                            ["method": "update", "state": [:]], ["method": "custom", "content": [:]]] {
        interpreter.commMessage(CommMessage(commID: slider, targetName: "jupyter.widget", data: data), context: context)
    }
    interpreter.commMessage(update("no-such-widget", ["value": 4]), context: context)
    guard case .success(let result, _) = run(interpreter, "k.value", context) else {
        Issue.record("the session did not answer")
        return
    }
    #expect(result?["text/plain"] == "3")
    // A rejected update is answered with the current value, so the front end's view snaps back.
    context.sent.removeAll()
    interpreter.commMessage(update(slider, ["value": 99]), context: context)
    #expect(context.sent.map(\.data) == [["method": "update", "state": ["value": 3], "buffer_paths": []]])
}

@Test func requestStateAndRequestStatesRestoreEveryModel() throws {
    let interpreter = ReceptiveInterpreter()
    let context = CommRecordingContext()
    _ = run(interpreter, "fn f(b) = b\ninteract(f, b: checkbox())", context)
    let checkbox = context.id(of: "CheckboxModel")
    interpreter.commMessage(update(checkbox, ["value": true]), context: context)
    context.sent.removeAll()
    interpreter.commMessage(CommMessage(commID: checkbox, targetName: "jupyter.widget", data: ["method": "request_state"]),
                            context: context)
    #expect(context.sent.first?.data["state"]?["value"] == true)
    #expect(context.sent.first?.data["state"]?["_model_name"] == "CheckboxModel")

    let control = CommMessage(commID: "ctl", targetName: "jupyter.widget.control", metadata: ["version": "1.0.0"])
    #expect(interpreter.commOpened(control, context: context))
    context.sent.removeAll()
    interpreter.commMessage(CommMessage(commID: "ctl", targetName: "jupyter.widget.control", data: ["method": "request_states"]),
                            context: context)
    let reply = try #require(context.sent.first)
    #expect(reply.commID == "ctl" && reply.data["method"] == "update_states" && reply.data["buffer_paths"] == [])
    let states = try #require(reply.data["states"]?.objectValue)
    #expect(Set(states.keys) == Set(context.opened.map(\.commID)))
    #expect(states[checkbox]?["model_name"] == "CheckboxModel" && states[checkbox]?["state"]?["value"] == true)
    #expect(states[context.id(of: "OutputModel")]?["state"]?["outputs"]?.arrayValue?.first?["data"] == ["text/plain": "true"])
    // Models the front end would create are refused (the kernel closes them).
    #expect(!interpreter.commOpened(CommMessage(commID: "m", targetName: "jupyter.widget"), context: context))
}

@Test func errorsShowInTheOutputWithTheirCaretAndTheControlsStayLive() throws {
    let interpreter = ReceptiveInterpreter()
    let context = CommRecordingContext()
    _ = run(interpreter, "fn f(k) {\n    return [1, 2][k]\n}\ninteract(f, k: slider(0, 5))", context)
    let slider = context.id(of: "IntSliderModel"), output = context.id(of: "OutputModel")
    interpreter.commMessage(update(slider, ["value": 4]), context: context)
    let error = try #require(context.lastOutputs(of: output)?.first)
    #expect(error["output_type"] == "error" && error["ename"] == "IndexError")
    let lines = error["traceback"]?.arrayValue?.compactMap { $0.stringValue }
    let traceback = try #require(lines)
    #expect(traceback.contains("2 |     return [1, 2][k]") && traceback.contains("  |            ^^^^^^^^^"))
    interpreter.commMessage(update(slider, ["value": 1]), context: context)
    #expect(context.lastOutputs(of: output) == [["output_type": "display_data", "data": ["text/plain": "2"], "metadata": [:]]])
}

@Test func fastUpdatesAreCoalescedToOneRenderOfTheLatestValue() throws {
    let interpreter = ReceptiveInterpreter()
    let context = CommRecordingContext()
    _ = run(interpreter, "fn f(k) = k\ninteract(f, k: slider(0, 100))", context)
    let slider = context.id(of: "IntSliderModel"), output = context.id(of: "OutputModel")
    context.queued = [slider]
    for value in 1...50 { interpreter.commMessage(update(slider, ["value": .int(value)]), context: context) }
    #expect(context.lastOutputs(of: output) == nil, "no render while newer updates wait")
    #expect(context.sent.filter { $0.data["method"] == "echo_update" }.isEmpty, "newer updates supersede the echoes")
    context.queued = []
    interpreter.commMessage(update(slider, ["value": 51]), context: context)
    #expect(context.lastOutputs(of: output) == [["output_type": "display_data", "data": ["text/plain": "51"], "metadata": [:]]])
    #expect(context.sent.filter { $0.commID == output }.count == 1, "one render for the 51 updates")
    #expect(context.sent.filter { $0.data["method"] == "echo_update" }.map(\.data["state"]) == [["value": 51]])
}

@Test func dropdownAndPlayTakeTheirTraitsFromTheFrontEnd() throws {
    let interpreter = ReceptiveInterpreter()
    let context = CommRecordingContext()
    _ = run(interpreter, "fn f(mode, t) = [mode, t]\ninteract(f, mode: dropdown([\"a\", \"b\"]), t: play(0, 3))", context)
    let dropdown = context.id(of: "DropdownModel"), play = context.id(of: "PlayModel"), output = context.id(of: "OutputModel")
    interpreter.commMessage(update(dropdown, ["index": 1]), context: context)
    interpreter.commMessage(update(play, ["playing": true]), context: context)
    interpreter.commMessage(update(play, ["value": 2]), context: context)
    #expect(context.lastOutputs(of: output)?.first?["data"] == ["text/plain": "[\"b\", 2]"])
    interpreter.commMessage(update(dropdown, ["index": 7]), context: context)
    context.sent.removeAll()
    interpreter.commMessage(CommMessage(commID: play, targetName: "jupyter.widget", data: ["method": "request_state"]),
                            context: context)
    #expect(context.sent.first?.data["state"]?["playing"] == true)
    #expect(context.sent.first?.data["state"]?["value"] == 2)
}

@Test func aCallbackThatAnimatesShowsItsFramesAsTheyCome() throws {
    let interpreter = ReceptiveInterpreter()
    let context = CommRecordingContext()
    _ = run(interpreter, "fn square(i) = i * i\nfn frames(n) = animate(square, frames: n, interval_ms: 80)\n"
        + "interact(frames, n: slider(1, 5))", context)
    let slider = context.id(of: "IntSliderModel"), output = context.id(of: "OutputModel")
    context.sent.removeAll()
    interpreter.commMessage(update(slider, ["value": 4]), context: context)
    let shown = context.sent.filter { $0.commID == output }.compactMap { $0.data["state"]?["outputs"]?.arrayValue?.first?["data"] }
    // The frames so far while it runs (at most one per 50 ms), then the last one; one display each time.
    #expect(shown.count >= 3)
    #expect(shown.last == ["text/plain": "9"])
    #expect(zip(shown, shown.dropFirst()).allSatisfy { $0 != $1 }, "each showing is a newer frame")
}

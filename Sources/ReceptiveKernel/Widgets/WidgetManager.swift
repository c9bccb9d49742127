import Foundation
import JupyterKernel
import JupyterProtocol
import Logging
import ReceptiveLanguage
import TextPlots

/// The Jupyter widget protocol (ipywidgets 8) on the language side of the `Interpreter` seam,
/// as xwidgets sits on xeus: it owns the widget models of one session, opens their comms,
/// answers the front end's updates and state requests, and renders interactions again when
/// their controls change. The kernel below knows these only as comm messages.
///
/// Every front end that speaks Jupyter gets the widgets: whether it can draw them is not
/// something the kernel can know in time (see `docs/language.md`, "Interaction"), so each
/// widget display carries a `text/plain` fallback: the function's output and a note.
///
/// Lives on the shell thread: cells and comm handlers call it one at a time.
final class WidgetManager {
    /// The comm targets served: widget models, and the control comm of state restoring.
    static let targets: Set<String> = [WidgetProtocol.target, WidgetProtocol.controlTarget]
    /// The largest `outputs` an Output model accepts from the front end, serialized: more
    /// than a notebook shows usefully, and a bound on what one message can make the kernel hold.
    static let maximumOutputsBytes = 8 << 20
    /// The least time between two showings of a long callback's output so far (an animation).
    static let liveInterval = Duration.milliseconds(50)

    /// The session callbacks run in, shared with the debugger's variables panel (hence its lock).
    private let session: SharedSession
    private let logger: Logger
    private var models: [String: WidgetModel] = [:]
    /// The model drawing each control, so a control shown twice is one model with two views.
    private var controlModels: [ObjectIdentifier: String] = [:]
    /// The interactions shown, each with its Output model and the ids of its control models.
    private var views: [InteractionView] = []

    init(session: SharedSession, logger: Logger = Logger(label: "receptive.widgets")) {
        self.session = session
        self.logger = logger
    }

    /// One shown interaction.
    private struct InteractionView {
        let interaction: Interaction
        let output: String
        let controls: Set<String>
    }

    // MARK: Showing

    /// Opens the models of `interaction` (controls with their layout and style, an Output
    /// holding `initial`, a VBox around them) and displays the box.
    func show(_ interaction: Interaction, initial: CapturedOutput, fallback: Figure, context: ExecutionContext) {
        let controlIDs = interaction.controls.map { model(for: $0.control, context: context) }
        let output = open(.output, context: context, traits: ["outputs": OutputArea.json(initial)])
        let box = open(.box(children: controlIDs + [output], horizontal: false), context: context)
        views.append(InteractionView(interaction: interaction, output: output, controls: Set(controlIDs)))
        context.display(json: WidgetProtocol.viewBundle(modelID: box, fallback: OutputCap().clip(fallback.text)),
                        displayID: nil, update: false)
    }

    /// The id of the model drawing `control`, opened now if it has none yet.
    private func model(for control: Control, context: ExecutionContext) -> String {
        if let id = controlModels[ObjectIdentifier(control)], models[id] != nil { return id }
        let style = switch control.kind {
        case .slider: "SliderStyleModel"
        case .checkbox: "CheckboxStyleModel"
        case .dropdown, .play: "DescriptionStyleModel"
        }
        let id = open(.control(control), context: context, style: style)
        controlModels[ObjectIdentifier(control)] = id
        return id
    }

    /// Opens a model (after its layout and style models, which its state refers to).
    private func open(_ role: WidgetModel.Role, context: ExecutionContext, style: String? = nil,
                      traits: [String: JSONValue] = [:]) -> String {
        let layout = openModel(WidgetModel(id: Self.newID(), role: .layout), context: context)
        let styleID = style.map { openModel(WidgetModel(id: Self.newID(), role: .style($0)), context: context) }
        return openModel(WidgetModel(id: Self.newID(), role: role, layout: layout, style: styleID, traits: traits),
                         context: context)
    }

    private func openModel(_ model: WidgetModel, context: ExecutionContext) -> String {
        models[model.id] = model
        context.openComm(CommMessage(commID: model.id, targetName: WidgetProtocol.target,
                                     data: ["state": .object(model.state), "buffer_paths": []],
                                     metadata: ["version": .string(WidgetProtocol.version)]))
        return model.id
    }

    /// A model id as ipywidgets makes them: 32 hex digits.
    private static func newID() -> String {
        UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    // MARK: Comms from the front end

    /// A front end opened a comm: the control comm is accepted; models created by the front
    /// end are not supported, so those are refused (and closed by the kernel).
    func opened(_ comm: CommMessage) -> Bool {
        guard comm.targetName == WidgetProtocol.controlTarget else {
            logger.info("refused a widget model opened by the front end (comm \(comm.commID))")
            return false
        }
        return true
    }

    /// A message on a widget comm: `update`, `request_state`, the control comm's `request_states`.
    func received(_ message: CommMessage, context: ExecutionContext) {
        let method = message.data["method"]?.stringValue
        if message.targetName == WidgetProtocol.controlTarget {
            guard method == "request_states" else {
                logger.warning("ignored '\(method ?? "no method")' on the widget control comm")
                return
            }
            sendAllStates(on: message.commID, context: context)
            return
        }
        guard let model = models[message.commID] else {
            logger.warning("ignored a message for widget \(message.commID), which this session does not hold")
            return
        }
        switch method {
        case "update":
            guard let state = message.data["state"]?.objectValue else {
                logger.warning("ignored an update of widget \(model.id) without a state object")
                return
            }
            apply(state, to: model, context: context)
        case "request_state":
            send(["method": "update", "state": .object(model.state), "buffer_paths": []], to: model.id, context: context)
        case "custom":
            logger.info("ignored a custom message for widget \(model.id): no widget here takes any")
        default:
            logger.warning("ignored the widget message '\(method ?? "without a method")' for \(model.id)")
        }
        renderStale(context: context)
    }

    /// The front end closed a comm: its model is forgotten (and with an Output, its interaction).
    func closed(_ message: CommMessage) {
        guard let model = models.removeValue(forKey: message.commID) else { return }
        if let control = model.control { controlModels[ObjectIdentifier(control)] = nil }
        views.removeAll { $0.output == model.id }
    }

    /// `update_states` on the control comm: every model's full state, for a page that reloads.
    private func sendAllStates(on comm: String, context: ExecutionContext) {
        var states: [String: JSONValue] = [:]
        for model in models.values {
            states[model.id] = ["model_name": .string(model.modelName), "model_module": .string(model.module.name),
                                "model_module_version": .string(model.module.version), "state": .object(model.state)]
        }
        context.sendComm(CommMessage(commID: comm, targetName: WidgetProtocol.controlTarget,
                                     data: ["method": "update_states", "states": .object(states), "buffer_paths": []]))
    }

    func send(_ data: JSONValue, to id: String, context: ExecutionContext) {
        context.sendComm(CommMessage(commID: id, targetName: WidgetProtocol.target, data: data))
    }

    // MARK: Updates and renders

    /// Applies an update from the front end, all of it or (when any trait is unknown to the
    /// model's writable set, of the wrong type or out of range) none: a rejected update is
    /// logged and answered with the model's current values, so the view snaps back.
    private func apply(_ state: [String: JSONValue], to model: WidgetModel, context: ExecutionContext) {
        let changes: [WidgetChange]
        do {
            changes = try WidgetChange.parse(state, for: model)
        } catch {
            logger.warning("ignored an update of widget \(model.id): \(error)")
            let current = model.state.filter { state.keys.contains($0.key) }
            if !current.isEmpty {
                send(["method": "update", "state": .object(current), "buffer_paths": []], to: model.id, context: context)
            }
            return
        }
        let changedValue = changes.map { $0.apply(to: model) }.contains(true)
        // The echo tells other views of the model what the kernel took. When a newer update of
        // this model is already queued its echo supersedes this one (a front end waits only for
        // the echo of its latest message), so a burst of changes is echoed once, not once each.
        if !context.isCommMessageQueued(for: [model.id]) {
            send(["method": "echo_update", "state": .object(state.filter { model.writableTraits.contains($0.key) }),
                  "buffer_paths": []], to: model.id, context: context)
        }
        if changedValue {
            for view in views where view.controls.contains(model.id) { view.interaction.isStale = true }
        }
    }

    /// Renders every interaction whose controls changed, unless a newer change to one of its
    /// controls is already queued: that message will render it, so fast changes cost one
    /// render, of the latest values, never a backlog.
    private func renderStale(context: ExecutionContext) {
        for view in views where view.interaction.isStale {
            guard !context.isCommMessageQueued(for: view.controls) else { continue }
            view.interaction.isStale = false
            render(view, context: context)
        }
    }

    private func render(_ view: InteractionView, context: ExecutionContext) {
        var lastShown = ContinuousClock.now
        var shown: JSONValue?
        let captured = session.withSession { $0.render(view.interaction) { [self] partial in
            guard ContinuousClock.now - lastShown >= Self.liveInterval else { return }
            lastShown = .now
            shown = OutputArea.json(partial)
            setOutputs(shown ?? [], of: view.output, context: context)
        } }
        // The last frame shown while it ran may already be the whole output.
        let outputs = OutputArea.json(captured)
        if outputs != shown { setOutputs(outputs, of: view.output, context: context) }
    }

    private func setOutputs(_ outputs: JSONValue, of id: String, context: ExecutionContext) {
        guard let model = models[id] else { return }
        model.traits["outputs"] = outputs
        send(["method": "update", "state": ["outputs": outputs], "buffer_paths": []], to: id, context: context)
    }
}

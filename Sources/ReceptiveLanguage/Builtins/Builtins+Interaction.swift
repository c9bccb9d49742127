import Foundation
import Tensors
import TextPlots

extension Builtins {
    /// Interaction (docs/language.md, "Interaction"): the controls, `interact` and `animate`.
    static var interaction: [Builtin] {
        [slider, dropdown, checkbox, play, interact, animate]
    }

    private static let slider = Builtin(
        "slider",
        [Parameter("min"), Parameter("max"), Parameter("step", kind: .namedOnly, default: .number(1)),
         Parameter("value", kind: .namedOnly, default: Value.none, shownAs: "min"),
         Parameter("label", kind: .namedOnly, default: .string(""))],
        summary: "A slider control over min…max for interact (whole numbers unless a bound or the step has a fraction).",
        details: """
            slider(1, 7) counts 1, 2, …, 7 and starts at 1; slider(0, 1, step: 0.05, value: 0.5) is a
            float slider. Its current value is s.value. In JupyterLab, Notebook 7 and VS Code it is an
            ipywidgets IntSlider or FloatSlider; elsewhere interact uses its value as it is.
            """
    ) { arguments, _ in
        let min = try finite(arguments, "min"), max = try finite(arguments, "max"), step = try finite(arguments, "step")
        guard min < max else { throw arguments.valueError("max", "must be above min (\(Value.format(min))), found \(Value.format(max))") }
        guard step > 0 else { throw arguments.valueError("step", "must be above 0, found \(Value.format(step))") }
        let control = Control(kind: .slider(min: min, max: max, step: step), label: try arguments.string("label"),
                              value: .number(min))
        return .control(try initialized(control, arguments))
    }

    private static let dropdown = Builtin(
        "dropdown",
        [Parameter("options"), Parameter("value", kind: .namedOnly, default: Value.none, shownAs: "options[0]"),
         Parameter("label", kind: .namedOnly, default: .string(""))],
        summary: "A drop-down control choosing one of the options (a list, tuple or rank-1 tensor) for interact.",
        details: "dropdown([\"valid\", \"same\", \"full\"]) starts at \"valid\"; its current value is d.value."
    ) { arguments, _ in
        let raw = arguments.value("options")
        let options: [Value]
        switch raw {
        case .list(let items), .tuple(let items): options = items
        case .tensor(let tensor) where tensor.rank == 1: options = tensor.scalars.map { .number($0) }
        default: throw arguments.typeError("options", expected: "a list, tuple or rank-1 tensor of options", found: raw)
        }
        guard let first = options.first else { throw arguments.valueError("options", "must hold at least one option") }
        let control = Control(kind: .dropdown(options: options), label: try arguments.string("label"), value: first)
        return .control(try initialized(control, arguments))
    }

    private static let checkbox = Builtin(
        "checkbox",
        [Parameter("value", kind: .namedOnly, default: .bool(false)),
         Parameter("label", kind: .namedOnly, default: .string(""))],
        summary: "A check box control (true or false) for interact."
    ) { arguments, _ in
        let control = Control(kind: .checkbox, label: try arguments.string("label"), value: .bool(false))
        return .control(try initialized(control, arguments))
    }

    private static let play = Builtin(
        "play",
        [Parameter("min"), Parameter("max"), Parameter("step", kind: .namedOnly, default: .number(1)),
         Parameter("interval_ms", kind: .namedOnly, default: .number(200)),
         Parameter("value", kind: .namedOnly, default: Value.none, shownAs: "min"),
         Parameter("label", kind: .namedOnly, default: .string(""))],
        summary: "A play button for interact: counts min…max by step, one step every interval_ms, running f each time.",
        details: """
            With fn step(t) = window(x, k, at: t), interact(step, t: play(0, 5)) steps a convolution's
            window across the input from the Play button (ipywidgets' Play). Without widgets
            interact runs f once, at min.
            """
    ) { arguments, _ in
        let min = try arguments.integer("min"), max = try arguments.integer("max")
        let step = try arguments.integer("step"), interval = try arguments.integer("interval_ms")
        guard min < max else { throw arguments.valueError("max", "must be above min (\(min)), found \(max)") }
        guard step > 0 else { throw arguments.valueError("step", "must be above 0, found \(step)") }
        guard (1...60_000).contains(interval) else {
            throw arguments.valueError("interval_ms", "must be between 1 and 60000, found \(interval)")
        }
        let control = Control(kind: .play(min: min, max: max, step: step, intervalMilliseconds: interval),
                              label: try arguments.string("label"), value: .number(Double(min)))
        return .control(try initialized(control, arguments))
    }

    /// `control` with the `value:` argument, when given, checked and set.
    private static func initialized(_ control: Control, _ arguments: BoundArguments) throws -> Control {
        guard arguments.has("value") else { return control }
        do {
            try control.set(arguments.value("value"))
        } catch var error as RuntimeError {
            error.message = "\(arguments.functionName): 'value' \(error.message.prefix(1).lowercased())\(error.message.dropFirst())"
            throw error
        }
        return control
    }

    private static func finite(_ arguments: BoundArguments, _ name: String) throws -> Double {
        let number = try arguments.number(name)
        guard number.isFinite else { throw arguments.valueError(name, "must be finite, found \(Value.format(number))") }
        return number
    }

    private static let interact = Builtin(
        "interact",
        [Parameter("f"), Parameter("controls", kind: .keywords, shownAs: "name: control, ...")],
        summary: "Shows controls and an output area; f(name: value, ...) runs again whenever a control changes.",
        details: """
            With fn blur(k) = heatmap(correlate(x, box(k))), interact(blur, k: slider(1, 9)) draws a
            slider and the heatmap under it. A control is slider(...), dropdown(...), checkbox(...) or play(...); a
            tuple (min, max) or (min, max, step) is a slider, a list of options a dropdown, a bool a
            checkbox. Each control's label is its argument's name unless it has one. An error in f
            shows in the output area and the controls stay live; fast changes are coalesced (the
            latest value is drawn, never a backlog); interrupting the kernel stops a long f. Where
            the front end has no widgets (receptive run, the REPL, jupyter console) f runs once with
            the controls' values, after a one-line note.
            """
    ) { arguments, context in
        let function = arguments.value("f")
        guard case .function = function else { throw arguments.typeError("f", expected: "a function", found: function) }
        guard !arguments.keywords.isEmpty else {
            throw arguments.valueError("controls", "are missing: name at least one, as in interact(f, k: slider(1, 7))")
        }
        if case .function(let callable) = function, !callable.parameters.contains(where: { $0.kind == .keywords }) {
            let names = callable.parameters.map(\.name)
            for (name, _) in arguments.keywords where !names.contains(name) {
                throw RuntimeError(.type, "interact: \(callable.name) has no parameter named '\(name)' (its parameters: "
                    + (names.isEmpty ? "none" : names.joined(separator: ", ")) + ")")
            }
        }
        let controls = try arguments.keywords.map { ($0.name, try control(for: $0.value, named: $0.name, arguments)) }
        let interaction = Interaction(function: function, controls: controls)
        // One note wherever the controls do not show (a script, the REPL, a notebook's text
        // fallback), so that a course notebook and the same cells run as a script print alike.
        let note = "interact: \(interaction.callText) \(noControlsNote)"
        let initial = try context.render(interaction)
        if let host = context.widgets {
            host.show(interaction, initial: initial, fallback: Figure(text: note + "\n" + initial.text))
        } else {
            context.write(note + "\n", toStandardError: false)
            replay(initial, to: context)
        }
        return .none
    }

    /// What `interact` says where its controls cannot show, after the call it ran.
    private static let noControlsNote = "(f ran once with these values; the controls need a front end with Jupyter widgets)"

    /// The control an `interact` argument stands for: a control (labelled with the argument's
    /// name unless it has a label), or an abbreviation as ipywidgets' interact takes them.
    private static func control(for value: Value, named name: String, _ arguments: BoundArguments) throws -> Control {
        switch value {
        case .control(let control):
            if control.label.isEmpty { control.label = name }
            return control
        case .bool(let flag):
            return Control(kind: .checkbox, label: name, value: .bool(flag))
        case .tuple(let items) where (2...3).contains(items.count) && items.allSatisfy({ $0.number != nil }):
            let numbers = items.compactMap(\.number)
            let step = numbers.count == 3 ? numbers[2] : 1
            guard numbers.allSatisfy(\.isFinite), numbers[0] < numbers[1], step > 0 else {
                throw arguments.valueError(name, "as a slider (min, max, step) needs finite min < max and step > 0")
            }
            return Control(kind: .slider(min: numbers[0], max: numbers[1], step: step), label: name, value: .number(numbers[0]))
        case .list(let items) where !items.isEmpty:
            return Control(kind: .dropdown(options: items), label: name, value: items[0])
        case .tensor(let tensor) where tensor.rank == 1 && tensor.count > 0:
            let options = tensor.scalars.map { Value.number($0) }
            return Control(kind: .dropdown(options: options), label: name, value: options[0])
        default:
            throw arguments.typeError(name, expected: "a control (slider, dropdown, checkbox, play), a (min, max) tuple, a list of options or a bool", found: value)
        }
    }

    /// Writes a captured run as it happened: streams, displays, and an error's traceback on stderr.
    private static func replay(_ captured: CapturedOutput, to context: any BuiltinContext) {
        for item in captured.items {
            switch item {
            case .stream(let text, let stderr): context.write(text, toStandardError: stderr)
            case .display(let figure, _): context.display(.plot(figure))
            case .error(let error): context.write(error.rendered + "\n", toStandardError: true)
            }
        }
    }

    private static let animate = Builtin(
        "animate",
        [Parameter("f"), Parameter("frames"), Parameter("interval_ms", kind: .namedOnly, default: .number(200))],
        summary: "Shows f(0), f(1), …, f(frames - 1) in one display updated in place, one frame every interval_ms.",
        details: """
            With fn step(i) = window(x, k, at: i), animate(step, frames: 6) steps through a
            convolution. Front ends
            that update displays in place (JupyterLab, Notebook, VS Code) show the frames in turn;
            receptive run and the REPL print the last one. Interrupting stops it between frames. For
            an animation to replay from a Play button use interact(f, i: play(0, n - 1)).
            """
    ) { arguments, context in
        let function = arguments.value("f")
        guard case .function = function else { throw arguments.typeError("f", expected: "a function", found: function) }
        let frames = try arguments.integer("frames"), interval = try arguments.integer("interval_ms")
        guard (1...100_000).contains(frames) else {
            throw arguments.valueError("frames", "must be between 1 and 100000, found \(frames)")
        }
        guard (0...60_000).contains(interval) else {
            throw arguments.valueError("interval_ms", "must be between 0 and 60000, found \(interval)")
        }
        let id = "animate-" + UUID().uuidString
        let inPlace = context.updatesDisplaysInPlace
        for frame in 0..<frames {
            let value = try context.call(function, [.number(Double(frame))])
            guard inPlace || frame == frames - 1 else { continue }
            context.display(value.rendered(options: context.renderOptions), id: id, update: inPlace && frame > 0)
            if frame < frames - 1 { try pause(milliseconds: interval, control: context.control) }
        }
        return .none
    }

    /// Sleeps between frames in short slices, so an interrupt stops an animation at once.
    private static func pause(milliseconds: Int, control: ExecutionControl) throws {
        let deadline = ContinuousClock.now + .milliseconds(milliseconds)
        while ContinuousClock.now < deadline {
            try control.checkInterrupt()
            Thread.sleep(forTimeInterval: min(0.01, max(0, (deadline - .now) / .seconds(1))))
        }
        try control.checkInterrupt()
    }
}

extension ReferenceExamples {
    /// Examples of the interaction builtins (docs/language.md, "Interaction"), run as `receptive run` would:
    /// without widgets, so `interact` shows its note and one run of `f`.
    static let interaction: [String: String] = [
        "slider": "k = slider(1, 7, value: 3, label: \"kernel\")\nk.value",
        "dropdown": "dropdown([\"valid\", \"same\", \"full\"], value: \"same\")",
        "checkbox": "checkbox(value: true, label: \"flip\")",
        "play": "play(0, 5, interval_ms: 100)",
        "interact": "fn blur(k) = heatmap(correlate(image(\"disk\", size: 8), box(k)))\ninteract(blur, k: slider(1, 5, step: 2))",
        "animate": "fn square(i) = i * i\nanimate(square, frames: 4, interval_ms: 0)",
        "window": "window(reshape(arange(12), (3, 4)), [[1, 0], [0, -1]], at: 4)",
    ]
}

import TextPlots

/// What Jupyter shows on shift-tab: a function's signature and documentation, or a
/// variable's type, shape and a preview of its value.
struct InspectionService {
    /// The session's evaluator, for names and values.
    let evaluator: Evaluator

    /// The inspection of the name at (or just before) `cursor`, or nil when there is none.
    func inspect(_ code: String, cursor: Int) -> Figure? {
        let scanner = CodeScanner(code)
        var name = scanner.word(around: cursor)
        if name.isEmpty, let call = scanner.enclosingCall(before: cursor) { name = call }
        guard !name.isEmpty, let value = evaluator.lookup(name) else { return nil }
        let charset = evaluator.renderOptions.charset
        if case .function(let callable) = value {
            return Figure(text: charset.spell(HelpText.text(for: callable)))
        }
        let preview = value.rendered(options: evaluator.renderOptions).text
        return Figure(text: charset.spell("\(name): \(value.typeDescription)") + "\n\n" + preview)
    }
}

/// The text of `help()` and `help(name)`, also used by Jupyter inspection.
enum HelpText {
    /// One callable's help: its signature, summary and details.
    static func text(for callable: any Callable) -> String {
        var lines = [callable.signature]
        if let builtin = callable as? Builtin {
            lines.append("")
            lines.append(builtin.summary)
            if !builtin.details.isEmpty {
                lines.append("")
                lines.append(builtin.details)
            }
        } else {
            lines.append("")
            lines.append("A function defined in this session.")
        }
        return lines.joined(separator: "\n")
    }

    /// Every builtin with its summary, alphabetically, in two aligned columns.
    static func index() -> String {
        let builtins = Builtins.all.values.sorted { $0.name < $1.name }
        let width = builtins.map(\.name.count).max() ?? 0
        let lines = builtins.map { builtin in
            builtin.name + String(repeating: " ", count: width - builtin.name.count + 2) + builtin.summary
        }
        let header = "Builtins (help(name) shows one in detail):"
        return ([header, ""] + lines).joined(separator: "\n")
    }
}

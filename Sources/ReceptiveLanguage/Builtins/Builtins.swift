/// The table of every builtin, assembled from one group per concern.
///
/// Each group lives in its own file as a static property of `Builtins`
/// (e.g. `Builtins+Creation.swift` defines `creation`); add a group here to register it.
public enum Builtins {
    /// Every builtin, by name.
    public static let all: [String: Builtin] = {
        var table: [String: Builtin] = [:]
        for builtin in groups.joined() { table[builtin.name] = builtin }
        return table
    }()

    private static var groups: [[Builtin]] {
        [creation, shape, math, conversions, sequences, kernels, files, plots, session, settings, convolution, layers,
         learning, interaction, windowSteps]
    }
}

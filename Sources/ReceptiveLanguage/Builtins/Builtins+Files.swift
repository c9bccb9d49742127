import Tensors

extension Builtins {
    /// Files: `load save`.
    static var files: [Builtin] {
        [load, save]
    }

    private static let load = Builtin(
        "load", [Parameter("path")],
        summary: "Reads a tensor from a .npy, .pgm/.ppm (raw sample values, PPM as H×W×3) or .csv file.",
        details: "PGM/PPM samples stay integers 0…maxval, as numpy.asarray(PIL.Image.open(path)) gives them."
    ) { arguments, context in
        Value(tensor: try TensorFile.load(arguments.string("path"), relativeTo: context.workingDirectory,
                                          control: context.control))
    }

    private static let save = Builtin(
        "save", [Parameter("path"), Parameter("t")],
        summary: "Writes a tensor to .npy (float64), .pgm/.ppm (rounded samples 0…255 or 0…65535) or .csv.",
        details: "Images store whole-number samples: multiply a [0, 1] image by 255 before saving it."
    ) { arguments, context in
        try TensorFile.save(arguments.tensor("t"), to: arguments.string("path"), relativeTo: context.workingDirectory)
        return .none
    }
}

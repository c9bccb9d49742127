import Tensors

extension Builtins {
    /// Files: `load save`.
    static var files: [Builtin] {
        [load, save]
    }

    private static let load = Builtin(
        "load", [Parameter("path")],
        summary: "Reads a tensor from a .npy, .csv or image file (.pgm, .ppm, .png, .jpg/.jpeg).",
        details: """
            Images keep their stored samples as whole numbers: 0…255, or 0…65535 for 16-bit PNG and PGM.
            Grey is H×W; colour is channels first, as conv2d takes it: 3×H×W for RGB, 4×H×W for RGBA, 2×H×W
            for grey with alpha (palette PNGs expand to RGB or RGBA). A corrupt, truncated or unsupported file
            (CMYK or 12-bit JPEG) is an IOError; an image with more samples than the element cap is a
            LimitError, found from its header before any pixel is decoded.
            """
    ) { arguments, context in
        Value(tensor: try TensorFile.load(arguments.string("path"), relativeTo: context.workingDirectory,
                                          control: context.control))
    }

    private static let save = Builtin(
        "save", [Parameter("path"), Parameter("t")],
        summary: "Writes a tensor to .npy (float64), .csv, or a .pgm, .ppm or .png image.",
        details: """
            Images take the layouts load gives: H×W grey (.pgm, .png), 3×H×W RGB (.ppm, .png), 2×H×W or
            4×H×W with alpha (.png). Samples are rounded and must lie in 0…65535: 8 bits when all are at most
            255, else 16. Multiply a [0, 1] image by 255 before saving it. JPEG is not written (it is lossy).
            """
    ) { arguments, context in
        try TensorFile.save(arguments.tensor("t"), to: arguments.string("path"), relativeTo: context.workingDirectory,
                            control: context.control)
        return .none
    }
}

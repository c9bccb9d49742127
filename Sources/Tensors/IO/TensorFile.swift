import Foundation

/// Loading and saving tensors, choosing the format by the file's extension:
/// `.npy`, `.pgm`/`.ppm`, `.png`, `.jpg`/`.jpeg` (loading only) and `.csv`.
public enum TensorFile {
    /// The formats `load` and `save` know.
    enum Format {
        case numpy, netpbm, png, jpeg, csv
    }

    /// The extensions `load` knows, for messages.
    static let knownExtensions = ".npy, .pgm, .ppm, .png, .jpg, .jpeg or .csv"

    /// Reads the tensor stored at `path` (a relative path is resolved against `directory`, or
    /// the current directory when it is nil); a missing, truncated or malformed file is
    /// `TensorError.io`, a file larger than `control`'s cap allows is `TensorError.limitExceeded`.
    /// Messages name the path as it was given.
    public static func load(_ path: String, relativeTo directory: URL?, control: ExecutionControl) throws -> Tensor {
        let format = try format(of: path)
        let url = fileURL(path, relativeTo: directory)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int
        guard let size else {
            throw TensorError.io("\(path): no such file (or it cannot be read); check the path")
        }
        // Every format spends at least one byte per element (text at least two), so a file
        // larger than 8 bytes per allowed element plus a header is refused before reading it.
        let cap = control.maxElements
        guard size / 8 <= cap + 512 else {
            throw TensorError.limitExceeded("\(path) is \(size) bytes, too large for the cap of \(cap) elements")
        }
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: url))
        } catch {
            throw TensorError.io("\(path): cannot be read (\(error.localizedDescription))")
        }
        return try decode(bytes, format: format, fileName: url.lastPathComponent, control: control)
    }

    /// Decodes a file's bytes in `format`; messages name `fileName`.
    static func decode(_ bytes: [UInt8], format: Format, fileName: String, control: ExecutionControl) throws -> Tensor {
        switch format {
        case .numpy: return try NumpyFile.decode(bytes, fileName: fileName, control: control)
        case .netpbm: return try NetpbmFile.decode(bytes, fileName: fileName, control: control)
        case .png: return try LibPNG.decode(bytes, fileName: fileName, control: control).tensor(control: control)
        case .jpeg: return try LibJPEG.decode(bytes, fileName: fileName, control: control).tensor(control: control)
        case .csv: return try CSVFile.decode(bytes, fileName: fileName, control: control)
        }
    }

    /// Writes `tensor` to `path` (replacing it; a relative path is resolved against `directory`,
    /// or the current directory when it is nil): `.npy` as float64, `.pgm`/`.ppm`/`.png` as
    /// 8- or 16-bit samples (images are H×W grey or C×H×W, as `load` gives them), `.csv` as text.
    /// JPEG is not written: it is lossy, so a saved tensor would not load back. Image encoding
    /// stops at an interrupt of `control`, before anything is written.
    public static func save(_ tensor: Tensor, to path: String, relativeTo directory: URL?,
                            control: ExecutionControl) throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let bytes: [UInt8]
        switch try format(of: path) {
        case .numpy: bytes = NumpyFile.encode(tensor)
        case .netpbm:
            bytes = try NetpbmFile.encode(tensor, colour: path.lowercased().hasSuffix(".ppm"), fileName: name, control: control)
        case .png:
            let image = try RasterImage(
                tensor, allowedChannels: [1, 2, 3, 4],
                expected: "PNG holds a H×W tensor (grey) or a C×H×W one with C = 1, 2, 3 or 4 (grey, grey+alpha, RGB, RGBA)",
                fileName: name, control: control)
            bytes = try LibPNG.encode(image, fileName: name, control: control)
        case .jpeg:
            throw TensorError.io("\(name): saving JPEG is not supported (it is lossy, so the tensor would not load back); save a .png, .pgm or .ppm")
        case .csv: bytes = try CSVFile.encode(tensor, fileName: name)
        }
        do {
            try Data(bytes).write(to: fileURL(path, relativeTo: directory), options: .atomic)
        } catch {
            throw TensorError.io("\(path): cannot be written (\(error.localizedDescription))")
        }
    }

    /// `path` as a file URL: an absolute path as it is, a relative one inside `directory` (the
    /// current directory when nil).
    static func fileURL(_ path: String, relativeTo directory: URL?) -> URL {
        guard let directory, !path.hasPrefix("/") else { return URL(fileURLWithPath: path) }
        return directory.appendingPathComponent(path)
    }

    /// The format named by the path's extension.
    static func format(of path: String) throws -> Format {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "":
            throw TensorError.io("\(path): the name has no extension to choose the format by; use \(knownExtensions)")
        case "npy": return .numpy
        case "pgm", "ppm": return .netpbm
        case "png": return .png
        case "jpg", "jpeg": return .jpeg
        case "csv": return .csv
        case let other:
            throw TensorError.io("\(path): unknown file type \".\(other)\"; use \(knownExtensions)")
        }
    }
}

import Foundation

/// Loading and saving tensors, choosing the format by the file's extension:
/// `.npy`, `.pgm`/`.ppm` and `.csv`.
public enum TensorFile {
    /// The formats `load` and `save` know.
    enum Format {
        case numpy, netpbm, csv
    }

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
        let name = url.lastPathComponent
        switch format {
        case .numpy: return try NumpyFile.decode(bytes, fileName: name, control: control)
        case .netpbm: return try NetpbmFile.decode(bytes, fileName: name, control: control)
        case .csv: return try CSVFile.decode(bytes, fileName: name, control: control)
        }
    }

    /// Writes `tensor` to `path` (replacing it; a relative path is resolved against `directory`,
    /// or the current directory when it is nil): `.npy` as float64, `.pgm`/`.ppm` as binary
    /// 8- or 16-bit samples, `.csv` as text.
    public static func save(_ tensor: Tensor, to path: String, relativeTo directory: URL?) throws {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let bytes: [UInt8]
        switch try format(of: path) {
        case .numpy: bytes = NumpyFile.encode(tensor)
        case .netpbm:
            let isColour = path.lowercased().hasSuffix(".ppm")
            guard isColour == (tensor.rank == 3) else {
                throw TensorError.io("\(name): .pgm holds H×W tensors and .ppm H×W×3 ones, found \(Tensor.describe(tensor.shape))")
            }
            bytes = try NetpbmFile.encode(tensor, fileName: name)
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
            throw TensorError.io("\(path): the name has no extension to choose the format by; use .npy, .pgm, .ppm or .csv")
        case "npy": return .numpy
        case "pgm", "ppm": return .netpbm
        case "csv": return .csv
        case let other:
            throw TensorError.io("\(path): unknown file type \".\(other)\"; use .npy, .pgm, .ppm or .csv")
        }
    }
}

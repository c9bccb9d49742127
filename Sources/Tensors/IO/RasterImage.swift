/// Pixels as image files store them: rows of interleaved samples, one byte each or two
/// (big-endian, as PNG and Netpbm both store 16-bit samples). Every image format decodes to
/// one and encodes from one, so the tensor layout of an image is decided here alone:
///
/// - one channel (grey) is a H×W tensor;
/// - C channels (grey+alpha, RGB, RGBA) are a C×H×W tensor, channels first, as `conv2d` takes
///   its input and `torchvision.io.read_image` returns it;
/// - samples keep their stored integer values: 0…255 for 8-bit files, 0…65535 for 16-bit ones.
struct RasterImage {
    /// Pixels per row and rows.
    let width: Int, height: Int
    /// Samples per pixel: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA.
    let channels: Int
    /// Bytes per sample: 1, or 2 for 16-bit samples.
    let sampleBytes: Int
    /// `height × width × channels` samples of `sampleBytes` each, row by row.
    var bytes: [UInt8]

    /// Samples in the image.
    var sampleCount: Int { width * height * channels }

    /// Rows a codec decodes or encodes between two interrupt checks.
    static let rowsPerChunk: UInt32 = 64

    /// Calls `body(first, count)` for consecutive chunks of at most `rowsPerChunk` rows that
    /// cover rows 0..<height, checking for an interrupt before each, so that decoding or encoding
    /// a large image stops soon after an interrupt (the codecs themselves cannot be interrupted).
    static func forEachChunk(ofRows height: UInt32, control: ExecutionControl,
                             _ body: (_ first: UInt32, _ count: UInt32) throws -> Void) throws {
        var first: UInt32 = 0
        while first < height {
            try control.checkInterrupt()
            let count = min(rowsPerChunk, height - first)
            try body(first, count)
            first += count
        }
    }

    /// The elements a `width × height` image of `channels` would decode to, checked against
    /// `control`'s cap before anything is decoded (a small file can declare a huge image: a
    /// decompression bomb is refused from its header).
    static func checkSize(width: Int, height: Int, channels: Int, fileName: String,
                          control: ExecutionControl) throws {
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        let (count, overflow2) = pixels.multipliedReportingOverflow(by: channels)
        let cap = control.maxElements
        guard !overflow, !overflow2, count <= cap else {
            throw TensorError.limitExceeded(
                "\(fileName): the image is \(width)×\(height) pixels of \(channels) sample(s), more than the cap of \(cap) elements; raise it with set(max_elements:)")
        }
    }

    /// The image as a tensor: H×W for one channel, C×H×W for more.
    func tensor(control: ExecutionControl) throws -> Tensor {
        try control.checkAllocation(sampleCount)
        let plane = width * height
        var scalars = [Double](repeating: 0, count: sampleCount)
        try bytes.withUnsafeBufferPointer { source in
            try scalars.withUnsafeMutableBufferPointer { target in
                for pixel in 0..<plane {
                    if pixel & 0xFFFF == 0 { try control.checkInterrupt() }
                    for channel in 0..<channels {
                        let index = (pixel * channels + channel) * sampleBytes
                        let sample = sampleBytes == 1
                            ? Int(source[index]) : Int(source[index]) << 8 | Int(source[index + 1])
                        target[channel * plane + pixel] = Double(sample)
                    }
                }
            }
        }
        let shape = channels == 1 ? [height, width] : [channels, height, width]
        return Tensor(validatedShape: shape, scalars: scalars)
    }

    /// The image a tensor describes: H×W (or 1×H×W) as grey, C×H×W with C in `allowedChannels`.
    /// Samples are rounded to the nearest integer and must lie in 0…65535; they take one byte
    /// when all are at most 255, two otherwise. `expected` says in messages what the format holds.
    init(_ tensor: Tensor, allowedChannels: Set<Int>, expected: String, fileName: String,
         control: ExecutionControl) throws {
        let shape = tensor.shape
        let channels = shape.count == 2 ? 1 : (shape.count == 3 ? shape[0] : 0)
        guard allowedChannels.contains(channels), shape.allSatisfy({ $0 > 0 }) else {
            throw TensorError.io("\(fileName): \(expected), found \(Tensor.describe(shape))")
        }
        if let offender = tensor.scalars.first(where: { !($0 >= 0 && $0 <= 65535) }) {
            throw TensorError.io(
                "\(fileName): image samples must lie in 0…65535, found \(Tensor.describe(offender)); scale the tensor first (e.g. t * 255 for values in [0, 1])")
        }
        try control.checkInterrupt()
        let wide = tensor.scalars.contains { $0.rounded(.toNearestOrEven) > 255 }
        self.width = shape[shape.count - 1]
        self.height = shape[shape.count - 2]
        self.channels = channels
        self.sampleBytes = wide ? 2 : 1
        let plane = width * height
        var bytes = [UInt8](repeating: 0, count: plane * channels * sampleBytes)
        for channel in 0..<channels {
            for pixel in 0..<plane {
                if pixel & 0xFFFF == 0 { try control.checkInterrupt() }
                let sample = Int(tensor.scalars[channel * plane + pixel].rounded(.toNearestOrEven))
                let index = (pixel * channels + channel) * sampleBytes
                if wide {
                    bytes[index] = UInt8(sample >> 8)
                    bytes[index + 1] = UInt8(sample & 0xFF)
                } else {
                    bytes[index] = UInt8(sample)
                }
            }
        }
        self.bytes = bytes
    }

    /// An image of decoded rows.
    init(width: Int, height: Int, channels: Int, sampleBytes: Int, bytes: [UInt8]) {
        self.width = width
        self.height = height
        self.channels = channels
        self.sampleBytes = sampleBytes
        self.bytes = bytes
    }
}

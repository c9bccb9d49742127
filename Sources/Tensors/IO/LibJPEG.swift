import CImageCodecs

/// JPEG files through the system libjpeg (libjpeg-turbo): every libjpeg call is made by the
/// setjmp guards of `CImageCodecs` (JPEGGuard.c), and this is the only Swift file that calls
/// them.
///
/// Baseline and progressive (and arithmetic-coded) 8-bit files decode with libjpeg's defaults,
/// the accurate integer IDCT and smooth chroma upsampling, as Pillow and djpeg do: grey files to
/// 0…255 grey, YCbCr and RGB files to 0…255 RGB. CMYK and YCCK files and 12-bit files are
/// refused, and so is any corrupt data libjpeg would only warn about (it would fill the rest
/// with grey).
enum LibJPEG {
    /// The most scans a progressive file may have; real encoders write about 10, and a file
    /// with thousands of tiny scans can take quadratic time to decode. 500 is libjpeg-turbo's
    /// recommendation for TJPARAM_SCANLIMIT.
    static let maxScans: Int32 = 500

    /// Decodes a JPEG file; a corrupt, truncated or unsupported file is `TensorError.io`, an
    /// image with more samples than `control`'s cap is `TensorError.limitExceeded` before any
    /// pixel is decoded, and a progressive file of more than `maxScans` scans is refused.
    static func decode(_ bytes: [UInt8], fileName: String, control: ExecutionControl,
                       maxScans: Int32 = LibJPEG.maxScans) throws -> RasterImage {
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let reader = rcp_jpeg_reader_create(base, buffer.count, maxScans) else {
                throw TensorError.io("\(fileName): the file is empty or memory is short")
            }
            defer { rcp_jpeg_reader_destroy(reader) }
            func failure() -> TensorError {
                .io("\(fileName): not a readable JPEG file (libjpeg: \(String(cString: rcp_jpeg_reader_message(reader))))")
            }
            var info = rcp_jpeg_info()
            guard rcp_jpeg_read_header(reader, &info) == 1 else { throw failure() }
            guard info.supported_colour != 0 else {
                throw TensorError.io("\(fileName): a JPEG of \(info.components) components in a CMYK, YCCK or unknown colour space is not supported; convert it to RGB or grey")
            }
            let (width, height) = (Int(info.width), Int(info.height))
            let channels = info.components == 1 ? 1 : 3
            try RasterImage.checkSize(width: width, height: height, channels: channels, fileName: fileName, control: control)
            guard rcp_jpeg_start(reader, &info) == 1 else { throw failure() }
            guard Int(info.channels) == channels else {
                throw TensorError.io("\(fileName): libjpeg decodes an unexpected layout (\(info.channels) channels)")
            }
            var pixels = [UInt8](repeating: 0, count: width * height * channels)
            try pixels.withUnsafeMutableBufferPointer { image in
                try RasterImage.forEachChunk(ofRows: info.height, control: control) { first, count in
                    guard rcp_jpeg_read_rows(reader, image.baseAddress, image.count, first, count) == 1 else {
                        throw failure()
                    }
                }
            }
            guard rcp_jpeg_finish(reader) == 1 else { throw failure() }
            return RasterImage(width: width, height: height, channels: channels, sampleBytes: 1, bytes: pixels)
        }
    }
}

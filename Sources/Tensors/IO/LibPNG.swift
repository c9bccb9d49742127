import CImageCodecs

/// PNG files through the system libpng: every libpng call is made by the setjmp guards of
/// `CImageCodecs` (PNGGuard.c), and this is the only Swift file that calls them.
///
/// Decoding keeps the stored samples: 8-bit files give 0…255 and 16-bit ones 0…65535 (as
/// 16-bit PGM does; no gamma or colour correction is applied). Palettes expand to RGB, or RGBA
/// when the palette has transparency; 1-, 2- and 4-bit grey scales to 0…255 (as Pillow does);
/// a grey or RGB image's single transparent colour (tRNS) is ignored. Interlaced files decode
/// like plain ones.
enum LibPNG {
    /// Decodes a PNG file; a corrupt, truncated or unsupported file is `TensorError.io`, an image
    /// with more samples than `control`'s cap is `TensorError.limitExceeded` before any pixel is
    /// decoded.
    static func decode(_ bytes: [UInt8], fileName: String, control: ExecutionControl) throws -> RasterImage {
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let reader = rcp_png_reader_create(base, buffer.count) else {
                throw TensorError.io("\(fileName): the file is empty or memory is short")
            }
            defer { rcp_png_reader_destroy(reader) }
            func failure() -> TensorError {
                .io("\(fileName): not a readable PNG file (libpng: \(String(cString: rcp_png_reader_message(reader))))")
            }
            var info = rcp_png_info()
            guard rcp_png_read_info(reader, &info) == 1 else { throw failure() }
            let (width, height) = (Int(info.width), Int(info.height))
            try RasterImage.checkSize(width: width, height: height, channels: channels(of: info),
                                      fileName: fileName, control: control)
            guard rcp_png_start_image(reader, &info) == 1 else { throw failure() }
            let channels = Int(info.channels), sampleBytes = Int(info.sample_bytes)
            guard channels == self.channels(of: info), info.row_bytes == width * channels * sampleBytes else {
                throw TensorError.io("\(fileName): libpng decodes an unexpected layout (\(channels) channels, \(info.row_bytes) bytes per row)")
            }
            var pixels = [UInt8](repeating: 0, count: height * info.row_bytes)
            try pixels.withUnsafeMutableBufferPointer { image in
                for _ in 0..<info.passes {
                    try RasterImage.forEachChunk(ofRows: info.height, control: control) { first, count in
                        guard rcp_png_read_rows(reader, image.baseAddress, image.count, first, count) == 1 else {
                            throw failure()
                        }
                    }
                }
            }
            guard rcp_png_read_end(reader) == 1 else { throw failure() }
            return RasterImage(width: width, height: height, channels: channels, sampleBytes: sampleBytes, bytes: pixels)
        }
    }

    /// The samples per pixel a file's colour type decodes to.
    private static func channels(of info: rcp_png_info) -> Int {
        switch info.color_type {
        case 0: 1                                  // grey
        case 4: 2                                  // grey + alpha
        case 2: 3                                  // RGB
        case 3: info.has_transparency != 0 ? 4 : 3 // palette, with or without alpha
        default: 4                                 // RGBA (libpng refuses other types)
        }
    }

    /// Encodes an image as a non-interlaced 8- or 16-bit PNG, checking `control` for an
    /// interrupt between chunks of rows.
    static func encode(_ image: RasterImage, fileName: String, control: ExecutionControl) throws -> [UInt8] {
        guard let width = UInt32(exactly: image.width), let height = UInt32(exactly: image.height),
              let writer = rcp_png_writer_create(width, height, Int32(image.channels), Int32(image.sampleBytes * 8)) else {
            throw TensorError.io("\(fileName): a \(image.width)×\(image.height) image of \(image.channels) channel(s) cannot be encoded as PNG")
        }
        defer { rcp_png_writer_destroy(writer) }
        func failure() -> TensorError {
            .io("\(fileName): cannot be encoded as PNG (libpng: \(String(cString: rcp_png_writer_message(writer))))")
        }
        let rowBytes = image.width * image.channels * image.sampleBytes
        try image.bytes.withUnsafeBufferPointer { samples in
            try RasterImage.forEachChunk(ofRows: height, control: control) { first, count in
                let rows = UnsafeBufferPointer(rebasing: samples[(Int(first) * rowBytes)...])
                guard rcp_png_write_rows(writer, rows.baseAddress, rows.count, count) == 1 else { throw failure() }
            }
        }
        var output = rcp_image_buffer()
        defer { rcp_image_buffer_free(&output) }
        guard rcp_png_writer_finish(writer, &output) == 1, let start = output.bytes else { throw failure() }
        return Array(UnsafeBufferPointer(start: start, count: output.count))
    }
}

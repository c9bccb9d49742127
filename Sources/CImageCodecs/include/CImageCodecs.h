#ifndef RECEPTIVE_CIMAGECODECS_H
#define RECEPTIVE_CIMAGECODECS_H

// Guarded entry points to libpng and libjpeg. Both libraries report errors by longjmp: libpng
// to the png_jmpbuf set by its caller, libjpeg from an error_exit that must not return. Swift
// cannot call setjmp, and a longjmp across a Swift frame skips its releases and cleanups
// (undefined behaviour), so every call into either library is made here, in a C function that
// sets the jump target itself and calls the library directly: a longjmp only ever unwinds the
// library's own C frames back to that function, which returns 0 with the library's message.
// The data source and sink (memory buffers) and the error, warning and progress callbacks are C
// functions here too, so nothing that can jump is ever entered from, or passes through, Swift.
// `Sources/Tensors/IO/LibPNG.swift` and `LibJPEG.swift` are the only callers of these functions.

#include <stddef.h>
#include <stdint.h>

/// Bytes in a message buffer (a library message with the file's context fits).
#define RCP_IMAGE_MESSAGE_SIZE 256

// MARK: PNG

/// A PNG decoder reading from a caller-owned memory buffer that outlives it.
typedef struct rcp_png_reader rcp_png_reader;

/// The header of a PNG file and, after `rcp_png_start_image`, the layout of decoded rows.
typedef struct {
    /// Pixels per row and rows, as the IHDR chunk declares them.
    uint32_t width, height;
    /// Bits per sample as stored (1, 2, 4, 8 or 16; palette indices 1–8).
    int bit_depth;
    /// The PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.
    int color_type;
    /// Whether the image is Adam7-interlaced.
    int interlaced;
    /// Whether a tRNS chunk came before the image data (for a palette: per-entry alpha).
    int has_transparency;
    /// Samples per decoded pixel (1–4), bytes per decoded sample (1 or 2, 16-bit big-endian),
    /// bytes per decoded row and the passes over the rows (7 when interlaced, else 1): set by
    /// `rcp_png_start_image`.
    int channels, sample_bytes;
    size_t row_bytes;
    int passes;
} rcp_png_info;

/// A reader over `count` bytes at `bytes`, or NULL when memory is short.
rcp_png_reader *rcp_png_reader_create(const uint8_t *bytes, size_t count);

/// Frees the reader and everything libpng allocated for it.
void rcp_png_reader_destroy(rcp_png_reader *reader);

/// The message of the last failure (empty when none).
const char *rcp_png_reader_message(const rcp_png_reader *reader);

/// Reads the signature and every chunk up to the image data; fills the header fields of `info`.
/// Returns 1, or 0 on failure (a corrupt, truncated or unsupported file).
int rcp_png_read_info(rcp_png_reader *reader, rcp_png_info *info);

/// Chooses the decoded layout and fills the rest of `info`: palettes expand to RGB (RGBA when
/// the palette has transparency), 1/2/4-bit grey scales to 8 bits (0…255), 8- and 16-bit
/// samples stay as stored, and a tRNS chunk of a grey or RGB image is ignored. Returns 1 or 0.
int rcp_png_start_image(rcp_png_reader *reader, rcp_png_info *info);

/// Decodes `count` rows starting at row `first` of the current pass into `image` (`size` bytes,
/// `row_bytes` per row); rows are read pass after pass, each pass top to bottom. Returns 1 or 0.
int rcp_png_read_rows(rcp_png_reader *reader, uint8_t *image, size_t size, uint32_t first, uint32_t count);

/// Reads the chunks after the image data up to IEND, checking their CRCs. Returns 1 or 0.
int rcp_png_read_end(rcp_png_reader *reader);

/// Memory that the encoder allocated; free it with `rcp_image_buffer_free`.
typedef struct {
    uint8_t *bytes;
    size_t count;
} rcp_image_buffer;

/// Frees an encoder's output (a zeroed buffer is fine).
void rcp_image_buffer_free(rcp_image_buffer *buffer);

/// A PNG encoder writing a non-interlaced image to memory.
typedef struct rcp_png_writer rcp_png_writer;

/// An encoder of `height` rows of `width` pixels of `channels` interleaved samples (1 grey, 2
/// grey+alpha, 3 RGB, 4 RGBA) of `bit_depth` 8 or 16, or NULL for another layout or when
/// memory is short.
rcp_png_writer *rcp_png_writer_create(uint32_t width, uint32_t height, int channels, int bit_depth);

/// Frees the encoder, its libpng state and any output not handed over by `rcp_png_writer_finish`.
void rcp_png_writer_destroy(rcp_png_writer *writer);

/// The message of the last failure (empty when none).
const char *rcp_png_writer_message(const rcp_png_writer *writer);

/// Compresses the next `count` rows from `rows` (`size` bytes; 16-bit samples big-endian, as
/// PNG stores them); the first call writes the header. Returns 1 or 0.
int rcp_png_write_rows(rcp_png_writer *writer, const uint8_t *rows, size_t size, uint32_t count);

/// Writes the end of the file once every row is written, and moves the file's bytes into
/// `output`. Returns 1 or 0.
int rcp_png_writer_finish(rcp_png_writer *writer, rcp_image_buffer *output);

// MARK: JPEG

/// A JPEG decoder reading from a caller-owned memory buffer that outlives it.
typedef struct rcp_jpeg_reader rcp_jpeg_reader;

/// What a JPEG file's header declares and, after `rcp_jpeg_start`, the decoded layout.
typedef struct {
    /// Pixels per row and rows.
    uint32_t width, height;
    /// Colour components in the file (1 grey, 3 YCbCr or RGB, 4 CMYK or YCCK).
    int components;
    /// Whether the file's colour space is one this reader decodes (grey, YCbCr or RGB); CMYK,
    /// YCCK and unknown spaces are refused.
    int supported_colour;
    /// Whether the file is progressive, and its sample precision in bits (8, or 12 which this
    /// libjpeg cannot decode).
    int progressive, precision;
    /// Samples per decoded pixel (1 grey or 3 RGB), set by `rcp_jpeg_start`.
    int channels;
} rcp_jpeg_info;

/// A reader over `count` bytes at `bytes` that stops a progressive file after `max_scans`
/// scans, or NULL when memory is short.
rcp_jpeg_reader *rcp_jpeg_reader_create(const uint8_t *bytes, size_t count, int max_scans);

/// Frees the reader and everything libjpeg allocated for it.
void rcp_jpeg_reader_destroy(rcp_jpeg_reader *reader);

/// The message of the last failure (empty when none).
const char *rcp_jpeg_reader_message(const rcp_jpeg_reader *reader);

/// Reads the markers up to the first scan and fills the header fields of `info`. Returns 1 or 0.
int rcp_jpeg_read_header(rcp_jpeg_reader *reader, rcp_jpeg_info *info);

/// Starts decompression to grey (grey files) or RGB (colour files) with libjpeg's defaults
/// (the accurate integer IDCT, smooth chroma upsampling) and sets `info->channels`; for a
/// progressive file this reads every scan. Returns 1 or 0.
int rcp_jpeg_start(rcp_jpeg_reader *reader, rcp_jpeg_info *info);

/// Decodes the next `count` rows into `image` (`size` bytes, width × channels per row),
/// starting at row `first`. Returns 1 or 0.
int rcp_jpeg_read_rows(rcp_jpeg_reader *reader, uint8_t *image, size_t size, uint32_t first, uint32_t count);

/// Reads to the end-of-image marker. Returns 1 or 0.
int rcp_jpeg_finish(rcp_jpeg_reader *reader);

#endif

// libpng behind setjmp guards (see CImageCodecs.h for why they are in C). libpng reports an
// error by calling the error function, which must not return: ours copies the message and
// png_longjmp()s to the png_jmpbuf that the running guard set, unwinding only libpng's frames.
// Warnings (benign read errors among them: a bad CRC in an ancillary chunk, extra image data)
// are dropped, so nothing is printed on the kernel's stderr.

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

#include "CImageCodecs.h"

struct rcp_png_reader {
    png_structp png;
    png_infop info;
    const uint8_t *bytes;
    size_t count, offset;
    char message[RCP_IMAGE_MESSAGE_SIZE];
};

static void set_message(char *message, const char *text) {
    snprintf(message, RCP_IMAGE_MESSAGE_SIZE, "%s", text != NULL ? text : "unknown libpng error");
}

static void on_error(png_structp png, png_const_charp text) {
    set_message(png_get_error_ptr(png), text);
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp text) {
    (void)png;
    (void)text;
}

static void read_from_memory(png_structp png, png_bytep out, size_t length) {
    rcp_png_reader *reader = png_get_io_ptr(png);
    if (length > reader->count - reader->offset) {
        png_error(png, "the file is truncated");
    }
    memcpy(out, reader->bytes + reader->offset, length);
    reader->offset += length;
}

rcp_png_reader *rcp_png_reader_create(const uint8_t *bytes, size_t count) {
    rcp_png_reader *reader = calloc(1, sizeof *reader);
    if (reader == NULL) {
        return NULL;
    }
    reader->bytes = bytes;
    reader->count = count;
    // png_create_read_struct catches its own errors (returning NULL); png_create_info_struct
    // and png_set_read_fn do not raise any.
    reader->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, reader->message, on_error, on_warning);
    reader->info = reader->png != NULL ? png_create_info_struct(reader->png) : NULL;
    if (reader->info == NULL) {
        rcp_png_reader_destroy(reader);
        return NULL;
    }
    png_set_read_fn(reader->png, reader, read_from_memory);
    return reader;
}

void rcp_png_reader_destroy(rcp_png_reader *reader) {
    if (reader == NULL) {
        return;
    }
    if (reader->png != NULL) {
        png_destroy_read_struct(&reader->png, reader->info != NULL ? &reader->info : NULL, NULL);
    }
    free(reader);
}

const char *rcp_png_reader_message(const rcp_png_reader *reader) {
    return reader->message;
}

int rcp_png_read_info(rcp_png_reader *reader, rcp_png_info *info) {
    if (setjmp(png_jmpbuf(reader->png))) {
        return 0;
    }
    png_read_info(reader->png, reader->info);
    png_uint_32 width = 0, height = 0;
    int depth = 0, type = 0, interlace = 0;
    png_get_IHDR(reader->png, reader->info, &width, &height, &depth, &type, &interlace, NULL, NULL);
    info->width = width;
    info->height = height;
    info->bit_depth = depth;
    info->color_type = type;
    info->interlaced = interlace != PNG_INTERLACE_NONE;
    info->has_transparency = png_get_valid(reader->png, reader->info, PNG_INFO_tRNS) != 0;
    return 1;
}

int rcp_png_start_image(rcp_png_reader *reader, rcp_png_info *info) {
    if (setjmp(png_jmpbuf(reader->png))) {
        return 0;
    }
    png_structp png = reader->png;
    if (info->color_type == PNG_COLOR_TYPE_PALETTE) {
        // Expands indices to RGB, and to RGBA when a tRNS chunk gives entries an alpha.
        png_set_palette_to_rgb(png);
    } else if (info->color_type == PNG_COLOR_TYPE_GRAY && info->bit_depth < 8) {
        png_set_expand_gray_1_2_4_to_8(png);
    }
    info->passes = png_set_interlace_handling(png);
    png_read_update_info(png, reader->info);
    info->channels = png_get_channels(png, reader->info);
    info->sample_bytes = png_get_bit_depth(png, reader->info) == 16 ? 2 : 1;
    info->row_bytes = png_get_rowbytes(png, reader->info);
    return 1;
}

int rcp_png_read_rows(rcp_png_reader *reader, uint8_t *image, size_t size, uint32_t first, uint32_t count) {
    size_t row_bytes = png_get_rowbytes(reader->png, reader->info);
    if (row_bytes == 0 || (size_t)first + count > size / row_bytes) {
        set_message(reader->message, "rows outside the image buffer");
        return 0;
    }
    if (setjmp(png_jmpbuf(reader->png))) {
        return 0;
    }
    for (size_t row = first; row < (size_t)first + count; row++) {
        png_read_row(reader->png, image + row * row_bytes, NULL);
    }
    return 1;
}

int rcp_png_read_end(rcp_png_reader *reader) {
    if (setjmp(png_jmpbuf(reader->png))) {
        return 0;
    }
    png_read_end(reader->png, NULL);
    return 1;
}

// MARK: Encoding

struct rcp_png_writer {
    png_structp png;
    png_infop info;
    int started;
    size_t row_bytes;
    uint32_t height, rows_written;
    /// The growing output (heap memory, which a longjmp cannot leave indeterminate).
    uint8_t *bytes;
    size_t count, capacity;
    char message[RCP_IMAGE_MESSAGE_SIZE];
};

static void write_to_memory(png_structp png, png_bytep data, size_t length) {
    rcp_png_writer *writer = png_get_io_ptr(png);
    if (length > SIZE_MAX / 2 - writer->count) {
        png_error(png, "the encoded image is too large");
    }
    size_t needed = writer->count + length;
    if (needed > writer->capacity) {
        size_t capacity = writer->capacity > 0 ? writer->capacity : 4096;
        while (capacity < needed) {
            capacity *= 2;
        }
        uint8_t *grown = realloc(writer->bytes, capacity);
        if (grown == NULL) {
            png_error(png, "out of memory while encoding");
        }
        writer->bytes = grown;
        writer->capacity = capacity;
    }
    memcpy(writer->bytes + writer->count, data, length);
    writer->count = needed;
}

static void flush_memory(png_structp png) {
    (void)png;
}

rcp_png_writer *rcp_png_writer_create(uint32_t width, uint32_t height, int channels, int bit_depth) {
    static const int colour_types[] = {PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA, PNG_COLOR_TYPE_RGB,
                                       PNG_COLOR_TYPE_RGB_ALPHA};
    if (channels < 1 || channels > 4 || (bit_depth != 8 && bit_depth != 16) || width == 0 || height == 0) {
        return NULL;
    }
    rcp_png_writer *writer = calloc(1, sizeof *writer);
    if (writer == NULL) {
        return NULL;
    }
    writer->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, writer->message, on_error, on_warning);
    writer->info = writer->png != NULL ? png_create_info_struct(writer->png) : NULL;
    if (writer->info == NULL) {
        rcp_png_writer_destroy(writer);
        return NULL;
    }
    writer->row_bytes = (size_t)width * (size_t)channels * (size_t)(bit_depth / 8);
    writer->height = height;
    if (setjmp(png_jmpbuf(writer->png))) {
        rcp_png_writer_destroy(writer);
        return NULL;
    }
    png_set_write_fn(writer->png, writer, write_to_memory, flush_memory);
    png_set_IHDR(writer->png, writer->info, width, height, bit_depth, colour_types[channels - 1],
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    return writer;
}

void rcp_png_writer_destroy(rcp_png_writer *writer) {
    if (writer == NULL) {
        return;
    }
    png_destroy_write_struct(&writer->png, &writer->info);
    free(writer->bytes);
    free(writer);
}

const char *rcp_png_writer_message(const rcp_png_writer *writer) {
    return writer->message;
}

int rcp_png_write_rows(rcp_png_writer *writer, const uint8_t *rows, size_t size, uint32_t count) {
    if ((size_t)count > size / writer->row_bytes || count > writer->height - writer->rows_written) {
        set_message(writer->message, "more rows than the image has");
        return 0;
    }
    if (setjmp(png_jmpbuf(writer->png))) {
        return 0;
    }
    if (!writer->started) {
        png_write_info(writer->png, writer->info);
        writer->started = 1;
    }
    for (size_t row = 0; row < count; row++) {
        png_write_row(writer->png, rows + row * writer->row_bytes);
    }
    writer->rows_written += count;
    return 1;
}

int rcp_png_writer_finish(rcp_png_writer *writer, rcp_image_buffer *output) {
    if (!writer->started || writer->rows_written != writer->height) {
        set_message(writer->message, "the image is incomplete");
        return 0;
    }
    if (setjmp(png_jmpbuf(writer->png))) {
        return 0;
    }
    png_write_end(writer->png, NULL);
    output->bytes = writer->bytes;
    output->count = writer->count;
    writer->bytes = NULL;
    writer->count = writer->capacity = 0;
    return 1;
}

void rcp_image_buffer_free(rcp_image_buffer *buffer) {
    free(buffer->bytes);
    buffer->bytes = NULL;
    buffer->count = 0;
}

// libjpeg behind setjmp guards (see CImageCodecs.h for why they are in C). libjpeg's
// error_exit must not return: ours formats the message and longjmps to the jump buffer that the
// running guard set in the reader, as libjpeg's example.c and libjpeg-turbo's turbojpeg.c do.
//
// libjpeg reports corrupt data (a bad Huffman code, a truncated file, which it pads with grey)
// as warnings and goes on; like turbojpeg.c's TJPARAM_STOPONWARNING, our emit_message turns
// those into errors, so a damaged file is refused rather than loaded with invented pixels. Only
// two warnings that do not touch pixel data pass: an unknown JFIF revision and an unknown Adobe
// transform code. A progress monitor stops progressive files with too many scans, which can
// make decoding take quadratic time (turbojpeg.c's TJPARAM_SCANLIMIT, djpeg's -maxscans).

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

#include "CImageCodecs.h"

struct rcp_jpeg_reader {
    // First, so that the j_common_ptr that libjpeg passes to callbacks is the reader.
    struct jpeg_decompress_struct decoder;
    struct jpeg_error_mgr errors;
    struct jpeg_progress_mgr progress;
    jmp_buf jump;
    int max_scans;
    char message[RCP_IMAGE_MESSAGE_SIZE];
};

static void on_error_exit(j_common_ptr common) {
    rcp_jpeg_reader *reader = (rcp_jpeg_reader *)common;
    char text[JMSG_LENGTH_MAX];
    (*common->err->format_message)(common, text);
    snprintf(reader->message, RCP_IMAGE_MESSAGE_SIZE, "%s", text);
    longjmp(reader->jump, 1);
}

static void on_message(j_common_ptr common, int level) {
    if (level >= 0) {
        return;  // trace output
    }
    int code = common->err->msg_code;
    if (code == JWRN_JFIF_MAJOR || code == JWRN_ADOBE_XFORM) {
        return;
    }
    on_error_exit(common);
}

static void on_progress(j_common_ptr common) {
    rcp_jpeg_reader *reader = (rcp_jpeg_reader *)common;
    if (reader->decoder.progressive_mode && reader->decoder.input_scan_number > reader->max_scans) {
        snprintf(reader->message, RCP_IMAGE_MESSAGE_SIZE, "the progressive image has more than %d scans",
                 reader->max_scans);
        longjmp(reader->jump, 1);
    }
}

rcp_jpeg_reader *rcp_jpeg_reader_create(const uint8_t *bytes, size_t count, int max_scans) {
    rcp_jpeg_reader *reader = calloc(1, sizeof *reader);
    if (reader == NULL) {
        return NULL;
    }
    reader->decoder.err = jpeg_std_error(&reader->errors);
    reader->errors.error_exit = on_error_exit;
    reader->errors.emit_message = on_message;
    reader->progress.progress_monitor = on_progress;
    reader->max_scans = max_scans;
    if (setjmp(reader->jump)) {
        // jpeg_destroy is safe on a half-created decoder: it frees only what was allocated.
        jpeg_destroy_decompress(&reader->decoder);
        free(reader);
        return NULL;
    }
    jpeg_create_decompress(&reader->decoder);
    reader->decoder.progress = &reader->progress;
    // An empty buffer is an error here (JERR_INPUT_EMPTY); a short one becomes a warning later.
    jpeg_mem_src(&reader->decoder, bytes, (unsigned long)count);
    return reader;
}

void rcp_jpeg_reader_destroy(rcp_jpeg_reader *reader) {
    if (reader == NULL) {
        return;
    }
    jpeg_destroy_decompress(&reader->decoder);
    free(reader);
}

const char *rcp_jpeg_reader_message(const rcp_jpeg_reader *reader) {
    return reader->message;
}

int rcp_jpeg_read_header(rcp_jpeg_reader *reader, rcp_jpeg_info *info) {
    if (setjmp(reader->jump)) {
        return 0;
    }
    jpeg_read_header(&reader->decoder, TRUE);
    struct jpeg_decompress_struct *decoder = &reader->decoder;
    info->width = decoder->image_width;
    info->height = decoder->image_height;
    info->components = decoder->num_components;
    J_COLOR_SPACE space = decoder->jpeg_color_space;
    info->supported_colour = space == JCS_GRAYSCALE || space == JCS_YCbCr || space == JCS_RGB;
    info->progressive = decoder->progressive_mode != 0;
    info->precision = decoder->data_precision;
    return 1;
}

int rcp_jpeg_start(rcp_jpeg_reader *reader, rcp_jpeg_info *info) {
    struct jpeg_decompress_struct *decoder = &reader->decoder;
    J_COLOR_SPACE space = decoder->jpeg_color_space;
    if (space != JCS_GRAYSCALE && space != JCS_YCbCr && space != JCS_RGB) {
        snprintf(reader->message, RCP_IMAGE_MESSAGE_SIZE, "unsupported colour space");
        return 0;
    }
    if (setjmp(reader->jump)) {
        return 0;
    }
    decoder->out_color_space = space == JCS_GRAYSCALE ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_start_decompress(decoder);
    info->channels = decoder->output_components;
    return 1;
}

int rcp_jpeg_read_rows(rcp_jpeg_reader *reader, uint8_t *image, size_t size, uint32_t first, uint32_t count) {
    struct jpeg_decompress_struct *decoder = &reader->decoder;
    size_t row_bytes = (size_t)decoder->output_width * (size_t)decoder->output_components;
    size_t end = (size_t)first + count;
    if (row_bytes == 0 || first != decoder->output_scanline || end > decoder->output_height ||
        end > size / row_bytes) {
        snprintf(reader->message, RCP_IMAGE_MESSAGE_SIZE, "rows outside the image or out of order");
        return 0;
    }
    if (setjmp(reader->jump)) {
        return 0;
    }
    while (decoder->output_scanline < end) {
        JSAMPROW row = image + (size_t)decoder->output_scanline * row_bytes;
        // A memory source never suspends, so no row means the decoder gave up.
        if (jpeg_read_scanlines(decoder, &row, 1) != 1) {
            snprintf(reader->message, RCP_IMAGE_MESSAGE_SIZE, "the decoder returned no row");
            return 0;
        }
    }
    return 1;
}

int rcp_jpeg_finish(rcp_jpeg_reader *reader) {
    if (setjmp(reader->jump)) {
        return 0;
    }
    jpeg_finish_decompress(&reader->decoder);
    return 1;
}

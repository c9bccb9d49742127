#ifndef RECEPTIVE_CCONVOLUTIONKERNELS_H
#define RECEPTIVE_CCONVOLUTIONKERNELS_H

// Micro-kernels for the blocked multi-channel convolution, compiled for AVX2+FMA and AVX-512F
// with per-function target attributes (which Swift lacks) and chosen at run time, so the
// package still builds for baseline x86-64 and for other architectures.

/// The vector extensions this CPU and OS support for the kernels below.
typedef enum {
    /// None: callers use their portable path.
    ReceptiveConvLevelPortable = 0,
    /// AVX2 with fused multiply-add (256-bit vectors, 16 registers).
    ReceptiveConvLevelAVX2FMA = 1,
    /// AVX-512 Foundation (512-bit vectors, 32 registers, masked loads and stores).
    ReceptiveConvLevelAVX512 = 2,
} ReceptiveConvLevel;

/// One output row of a block of four output channels, summed over input channels and taps
/// read from a zero-padded input (so no border tests), plus a bias per channel.
typedef struct {
    /// The padded input at the window of output column 0: first input channel, first tap.
    const double *source;
    /// Elements per padded input plane (rows × columns).
    long planeSize;
    /// Elements between kernel rows in the padded input (row dilation × padded columns).
    long rowStep;
    /// Elements between kernel columns (the column dilation; the column stride must be 1).
    long columnStep;
    /// Input channels summed.
    long channels;
    /// Kernel rows.
    long kernelRows;
    /// Kernel columns.
    long kernelColumns;
    /// Weights in (channel, kernel row, kernel column) order, each with its four output
    /// channels' weights, each stored twice: 8 doubles per tap.
    const double *weights;
    /// Output columns in the row.
    long width;
    /// The output row of the block's first channel.
    double *output;
    /// Elements between the rows of adjacent output channels.
    long outputChannelStride;
    /// The block's real output channels (1–4); the others have zero weights and are not stored.
    long outputChannels;
    /// Each channel's bias (0 without one).
    double bias[4];
} ReceptiveBlockRow;

/// The gradient of a block of four output channels' weights for one input channel over a batch
/// of images: each tap's weight gradient is the sum, over every image and output position, of
/// the output gradient times the padded input that the tap read there (column stride 1).
typedef struct {
    /// The output gradient plane (rows × width) of the block's first output channel.
    const double *gradient;
    /// Elements between the output gradient planes of adjacent output channels.
    long gradientChannelStride;
    /// The block's real output channels (1–4); the others are neither read nor written.
    long outputChannels;
    /// Output rows.
    long rows;
    /// Output columns.
    long width;
    /// The padded input plane of the input channel, at the window of output (0, 0), tap (0, 0).
    const double *source;
    /// Elements between the windows of adjacent output rows (row stride × padded columns).
    long sourceRowStride;
    /// Elements between kernel rows (row dilation × padded columns).
    long kernelRowStep;
    /// Elements between kernel columns (the column dilation).
    long columnStep;
    /// Kernel rows.
    long kernelRows;
    /// Kernel columns.
    long kernelColumns;
    /// Where the block's first output channel's kernelRows × kernelColumns gradients are added.
    double *weights;
    /// Elements between the weight gradients of adjacent output channels.
    long weightChannelStride;
    /// Images summed over, their gradients and inputs at the strides below: the sums stay in
    /// registers from one image to the next, and are reduced and stored once.
    long images;
    /// Elements between the output gradient planes of adjacent images.
    long gradientImageStride;
    /// Elements between the padded input planes of adjacent images.
    long sourceImageStride;
} ReceptiveWeightGradient;

/// One output row of max pooling with windows two elements wide and a column stride of 2
/// (windows side by side along the row), over every window row: for each output the largest
/// element of its window or, where there is one, its last NaN (torch's `val > max ||
/// isnan(val)` from −∞, row-major), and where that element lies from the window's first.
typedef struct {
    /// The first output's window: its first element on its first row.
    const double *source;
    /// Elements between the window's rows (row dilation × input columns).
    long rowStep;
    /// The window's rows on the input (1 or more).
    long windowRows;
    /// Outputs in the row; their windows lie wholly on the input.
    long count;
    /// Each output's value.
    double *values;
    /// Each output's pick, as elements from its window's first element (row · rowStep + 0 or 1).
    long *offsets;
} ReceptiveMaxPoolPairs;

/// Computes `job` with the kernels of `level`, which must not exceed `receptive_conv_level()`;
/// does nothing for `ReceptiveConvLevelPortable`.
void receptive_conv_max_pool_pairs(ReceptiveConvLevel level, const ReceptiveMaxPoolPairs *job);

/// Adds `job`'s weight gradients with the kernels of `level`, which must not exceed
/// `receptive_conv_level()`; does nothing for `ReceptiveConvLevelPortable`.
void receptive_conv_weight_gradient(ReceptiveConvLevel level, const ReceptiveWeightGradient *job);

/// The best level this CPU and OS support (callers cache it: it never changes).
ReceptiveConvLevel receptive_conv_level(void);

/// Computes `row` with the kernels of `level`, which must not exceed `receptive_conv_level()`;
/// does nothing for `ReceptiveConvLevelPortable`.
void receptive_conv_block_row(ReceptiveConvLevel level, const ReceptiveBlockRow *row);

#endif

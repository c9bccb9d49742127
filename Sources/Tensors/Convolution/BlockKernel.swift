import CConvolutionKernels

/// The instructions the blocked multi-channel convolution runs on: the portable Swift SIMD
/// loops (baseline x86-64 or any other CPU), or a C micro-kernel compiled for a wider vector
/// extension, chosen at run time when the CPU has it.
enum BlockKernel: CaseIterable, Sendable {
    /// `ChannelBlockCorrelator`'s Swift loops (SSE2 on x86-64).
    case portable
    /// 256-bit vectors with fused multiply-add.
    case avx2FMA
    /// 512-bit vectors with fused multiply-add and masked loads.
    case avx512

    /// The fastest kernel this CPU and OS support.
    static let best = BlockKernel(level: receptive_conv_level())

    /// Every kernel that can run here, slowest first (the portable one always can).
    static var available: [BlockKernel] {
        allCases.filter { $0.level.rawValue <= best.level.rawValue }
    }

    /// The C library's name for this kernel.
    var level: ReceptiveConvLevel {
        switch self {
        case .portable: return ReceptiveConvLevelPortable
        case .avx2FMA: return ReceptiveConvLevelAVX2FMA
        case .avx512: return ReceptiveConvLevelAVX512
        }
    }

    /// The kernel the C library names `level`.
    private init(level: ReceptiveConvLevel) {
        self = Self.allCases.first { $0.level == level } ?? .portable
    }
}

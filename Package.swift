// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Receptive",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "receptive", targets: ["receptive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Transport: libzmq and its Swift wrapper. Knows nothing of Jupyter.
        .systemLibrary(
            name: "CZeroMQ",
            pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]
        ),
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"]),

        // History database: the system SQLite, used only by the kernel's history store.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),

        // Whole numbers: the one rule for when a Double is an Int (an index, a count, integer text).
        .target(name: "WholeNumbers"),

        // Protocol: the Jupyter wire format as pure values and bytes. Knows nothing of ZeroMQ.
        .target(
            name: "JupyterProtocol",
            dependencies: ["WholeNumbers", .product(name: "Crypto", package: "swift-crypto")]
        ),

        // Kernel runtime: sockets, dispatch, heartbeat, iopub; talks to an `Interpreter`.
        .target(
            name: "JupyterKernel",
            dependencies: [
                "ZeroMQ", "JupyterProtocol", "CSQLite",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Convolution micro-kernels in C for AVX2+FMA and AVX-512, chosen at run time.
        .target(name: "CConvolutionKernels"),

        // Images: the system libpng and libjpeg(-turbo), called only through the setjmp guards
        // of CImageCodecs (C, as Swift cannot catch their longjmps), used by Tensors' load/save.
        .systemLibrary(
            name: "CPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"])]
        ),
        .systemLibrary(
            name: "CJPEG",
            pkgConfig: "libjpeg",
            providers: [.apt(["libjpeg62-turbo-dev"])]
        ),
        .target(name: "CImageCodecs", dependencies: ["CPNG", "CJPEG"]),

        // The tensor core's inner loops in C (elementwise math, matrix product, reductions,
        // transposes), written once over a vector type and compiled for AVX-512, AVX2+FMA and
        // the baseline; chosen at run time. Optimised in debug builds too: unoptimised, their
        // always-inline vector code gives every temporary its own stack slot (frames of
        // hundreds of KiB overflow a dispatch worker's stack) and runs ~30× slower, so the
        // tests would measure code that never ships.
        .target(name: "CTensorKernels", cSettings: [.unsafeFlags(["-O2"])]),

        // Numerics: tensors, convolution, layers. Knows nothing of the language or Jupyter.
        .target(name: "Tensors", dependencies: ["CConvolutionKernels", "CTensorKernels", "CImageCodecs", "WholeNumbers"]),

        // Learning: reverse-mode differentiation of tensor operations, trainable layers,
        // losses, optimizers and data sets. Knows nothing of the language.
        .target(name: "Learning", dependencies: ["Tensors", "CConvolutionKernels"],
                exclude: ["Data/Digits/make_digits.py", "Data/Digits/LICENSE.txt"]),

        // Rendering: values drawn as text (and HTML).
        .target(name: "TextPlots", dependencies: ["Tensors", "WholeNumbers"]),

        // The language: lexer, parser, evaluator, builtins. Knows nothing of ZeroMQ.
        .target(name: "ReceptiveLanguage", dependencies: ["Tensors", "TextPlots", "WholeNumbers", "Learning"]),

        // The one small target that joins the language to the kernel.
        .target(
            name: "ReceptiveKernel",
            dependencies: [
                "JupyterKernel", "JupyterProtocol", "ReceptiveLanguage",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        .executableTarget(
            name: "receptive",
            dependencies: [
                "ReceptiveKernel", "ReceptiveLanguage", "Tensors", "TextPlots", "JupyterKernel", "JupyterProtocol",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Helpers shared by the test targets (a scratch directory that cleans up after itself, the
        // fixture generators' stored tensors).
        .target(name: "TestSupport", dependencies: ["Tensors"], path: "Tests/TestSupport"),

        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"]),
        .testTarget(name: "JupyterProtocolTests", dependencies: ["JupyterProtocol"], resources: [.copy("Fixtures")]),
        .testTarget(name: "JupyterKernelTests", dependencies: ["JupyterKernel", "TestSupport"]),
        .testTarget(name: "TensorsTests", dependencies: ["Tensors", "WholeNumbers", "TestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "LearningTests", dependencies: ["Learning", "CConvolutionKernels", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TextPlotsTests", dependencies: ["TextPlots"], resources: [.copy("Golden")]),
        .testTarget(name: "ReceptiveLanguageTests", dependencies: ["ReceptiveLanguage", "TestSupport"],
                    resources: [.copy("Scripts")]),
        .testTarget(name: "ReceptiveKernelTests", dependencies: ["ReceptiveKernel", "JupyterProtocol"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "ReceptiveCommandTests", dependencies: ["receptive", "TestSupport"]),
    ]
)

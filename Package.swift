// swift-tools-version:6.0
import PackageDescription

// One library product per module, like pip extras: depend only on what you use.
// Feature modules (Cache, Resilience, Coalescing, Postgres) depend on ToolOpsCore alone, plus their
// system library where they need one (libpq for Postgres).
let package = Package(
    name: "ToolOps",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ToolOpsCore", targets: ["ToolOpsCore"]),
        .library(name: "ToolOpsCache", targets: ["ToolOpsCache"]),
        .library(name: "ToolOpsResilience", targets: ["ToolOpsResilience"]),
        .library(name: "ToolOpsCoalescing", targets: ["ToolOpsCoalescing"]),
        .library(name: "ToolOpsPostgres", targets: ["ToolOpsPostgres"]),
        .library(name: "ToolOpsTelemetry", targets: ["ToolOpsTelemetry"]),
        .library(name: "ToolOpsMetricsServer", targets: ["ToolOpsMetricsServer"]),
        .library(name: "ToolOpsIntegrations", targets: ["ToolOpsIntegrations"]),
        .library(name: "ToolOpsSemantic", targets: ["ToolOpsSemantic"]),
        .library(name: "ToolOpsConfiguration", targets: ["ToolOpsConfiguration"]),
        .library(name: "ToolOpsCommands", targets: ["ToolOpsCommands"]),
        .library(name: "ToolOps", targets: ["ToolOps"]),
        .library(name: "ToolOpsTesting", targets: ["ToolOpsTesting"]),
        .library(name: "ToolOpsDemo", targets: ["ToolOpsDemo"]),
        .executable(name: "toolops", targets: ["ToolOpsCLI"]),
        .executable(name: "toolops-bench", targets: ["ToolOpsBenchmarks"]),
        .executable(name: "toolops-integration-worker", targets: ["ToolOpsIntegrationWorker"]),
        .executable(name: "toolops-example-server", targets: ["ToolOpsExampleServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.7.3"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk.git", exact: "0.12.1"),
    ],
    targets: [
        .target(
            name: "ToolOpsCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            path: "Modules/ToolOpsCore"
        ),
        .target(name: "ToolOpsCache", dependencies: ["ToolOpsCore"], path: "Modules/ToolOpsCache"),
        .target(name: "ToolOpsResilience", dependencies: ["ToolOpsCore"], path: "Modules/ToolOpsResilience"),
        .target(name: "ToolOpsCoalescing", dependencies: ["ToolOpsCore"], path: "Modules/ToolOpsCoalescing"),
        .systemLibrary(
            name: "CLibPQ",
            path: "Modules/CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(name: "ToolOpsPostgres", dependencies: ["ToolOpsCore", "CLibPQ"], path: "Modules/ToolOpsPostgres"),
        .systemLibrary(
            name: "CCurl",
            path: "Modules/CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]
        ),
        .systemLibrary(
            name: "CBLAS",
            path: "Modules/CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]
        ),
        // The semantic cache: embedders (built-in hashing, OpenAI-compatible over libcurl, native MiniLM on
        // OpenBLAS) and the vector index.
        .target(
            name: "ToolOpsSemantic", dependencies: ["ToolOpsCore", "CCurl", "CBLAS"], path: "Modules/ToolOpsSemantic"),
        .target(
            name: "ToolOpsTelemetry",
            dependencies: [
                "ToolOpsCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            path: "Modules/ToolOpsTelemetry"
        ),
        // JSON Schema from Swift types, framework tool JSON, tool-call execution and the MCP server.
        .target(
            name: "ToolOpsIntegrations",
            dependencies: ["ToolOpsCore", .product(name: "MCP", package: "swift-sdk")],
            path: "Modules/ToolOpsIntegrations"
        ),
        // Serves the Prometheus exposition over HTTP; an add-on to ToolOpsTelemetry, for apps without a web framework.
        .target(
            name: "ToolOpsMetricsServer",
            dependencies: [
                "ToolOpsTelemetry",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Modules/ToolOpsMetricsServer"
        ),
        .target(
            name: "ToolOps",
            dependencies: [
                "ToolOpsCore", "ToolOpsCache", "ToolOpsResilience", "ToolOpsCoalescing", "ToolOpsPostgres",
                "ToolOpsTelemetry", "ToolOpsSemantic",
            ],
            path: "Modules/ToolOps"
        ),
        // The configuration file shared by the SDK and the CLI (YAML).
        .target(
            name: "ToolOpsConfiguration",
            dependencies: [
                "ToolOps", "ToolOpsTelemetry",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Yams", package: "Yams"),
            ],
            path: "Modules/ToolOpsConfiguration"
        ),
        // The operator commands, embeddable in an app's own executable.
        .target(
            name: "ToolOpsCommands",
            dependencies: [
                "ToolOps", "ToolOpsConfiguration", "ToolOpsMetricsServer", "ToolOpsSemantic",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            path: "Modules/ToolOpsCommands"
        ),
        .target(name: "ToolOpsTesting", dependencies: ["ToolOpsCore"], path: "Modules/ToolOpsTesting"),
        .target(name: "ToolOpsDemo", dependencies: ["ToolOps", "ToolOpsTesting"], path: "Modules/ToolOpsDemo"),
        .executableTarget(
            name: "ToolOpsCLI",
            dependencies: [
                "ToolOps", "ToolOpsTesting", "ToolOpsDemo", "ToolOpsCommands",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Modules/ToolOpsCLI"
        ),
        .executableTarget(
            name: "ToolOpsBenchmarks",
            dependencies: [
                "ToolOps", "ToolOpsTesting", "ToolOpsIntegrations", "ToolOpsSemantic", "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MCP", package: "swift-sdk"),
            ],
            path: "Benchmarks/ToolOpsBenchmarks"
        ),
        // The example server's tools, a library so that tests and the guides use the very same tools.
        .target(
            name: "ToolOpsExampleTools",
            dependencies: ["ToolOps", "ToolOpsIntegrations", .product(name: "Logging", package: "swift-log")],
            path: "Examples/ExampleTools"
        ),
        // An MCP server over stdio with simulated tools: `swift run toolops-example-server`.
        .executableTarget(
            name: "ToolOpsExampleServer",
            dependencies: [
                "ToolOps", "ToolOpsIntegrations", "ToolOpsExampleTools",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Examples/ExampleServer"
        ),
        // Integration/: tests and helpers that need real services (`make integration`).
        .executableTarget(
            name: "ToolOpsIntegrationWorker",
            dependencies: ["ToolOps"],
            path: "Integration/Worker"
        ),
        .testTarget(
            name: "ToolOpsCoreTests", dependencies: ["ToolOpsCore", "ToolOpsTesting"], path: "Tests/ToolOpsCoreTests"),
        .testTarget(
            name: "ToolOpsCacheTests", dependencies: ["ToolOpsCache", "ToolOpsTesting"], path: "Tests/ToolOpsCacheTests"
        ),
        .testTarget(
            name: "ToolOpsResilienceTests",
            dependencies: ["ToolOpsResilience", "ToolOpsTesting"],
            path: "Tests/ToolOpsResilienceTests"
        ),
        .testTarget(
            name: "ToolOpsCoalescingTests",
            dependencies: ["ToolOpsCoalescing", "ToolOpsTesting"],
            path: "Tests/ToolOpsCoalescingTests"
        ),
        .testTarget(
            name: "ToolOpsTests",
            dependencies: [
                "ToolOps", "ToolOpsTesting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
            ],
            path: "Tests/ToolOpsTests"
        ),
        .testTarget(name: "ToolOpsDemoTests", dependencies: ["ToolOpsDemo"], path: "Tests/ToolOpsDemoTests"),
        .testTarget(
            name: "ToolOpsTelemetryTests",
            dependencies: [
                "ToolOpsTelemetry", "ToolOpsTesting",
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "InMemoryTracing", package: "swift-distributed-tracing"),
            ],
            path: "Tests/ToolOpsTelemetryTests"
        ),
        .testTarget(
            name: "ToolOpsIntegrationsTests",
            dependencies: [
                "ToolOpsIntegrations", "ToolOpsTesting", "ToolOps", "ToolOpsExampleTools",
                .product(name: "MCP", package: "swift-sdk"),
            ],
            path: "Tests/ToolOpsIntegrationsTests",
            resources: [.copy("Exporters/Golden")]
        ),
        .testTarget(
            name: "ToolOpsMetricsServerTests",
            dependencies: [
                "ToolOpsMetricsServer", "ToolOpsTelemetry",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/ToolOpsMetricsServerTests"
        ),
        .testTarget(
            name: "ToolOpsConfigurationTests",
            dependencies: ["ToolOpsConfiguration", "ToolOpsTesting"],
            path: "Tests/ToolOpsConfigurationTests"
        ),
        .testTarget(
            name: "ToolOpsCommandsTests",
            dependencies: ["ToolOpsCommands", "ToolOpsTesting"],
            path: "Tests/ToolOpsCommandsTests"
        ),
        .testTarget(
            name: "ToolOpsSemanticTests",
            dependencies: [
                "ToolOpsSemantic", "ToolOpsTesting",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/ToolOpsSemanticTests"
        ),
        .testTarget(
            name: "ToolOpsPostgresTests",
            dependencies: ["ToolOpsPostgres", "ToolOpsTesting"],
            path: "Tests/ToolOpsPostgresTests"
        ),
        .testTarget(
            name: "ToolOpsIntegrationTests",
            dependencies: ["ToolOps", "ToolOpsPostgres", "ToolOpsTesting", "ToolOpsCommands"],
            path: "Integration/PostgresTests"
        ),
    ]
)

// Compiler settings for every target, in one place.
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}

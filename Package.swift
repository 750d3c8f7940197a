// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Guichet",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "guichet", targets: ["guichet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The system libyaml (Debian: libyaml-dev), reached through its event API.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Files and the operating system: owner-only atomic writes, locked output folders,
        // listings that skip nothing silently. The only module that names Glibc or Darwin.
        .target(name: "Platform"),
        // Reads YAML streams into located nodes, one document at a time.
        .target(name: "YAMLReader", dependencies: ["CYAML", "Platform"]),
        // Exact decimal arithmetic for money, rates and numbers.
        .target(name: "ExactDecimal"),
        // The scheme language: model, loader, expressions and their type-checking.
        .target(name: "SchemeLanguage", dependencies: ["YAMLReader", "ExactDecimal", "Platform"]),
        // Evaluates applications against schemes, with a trace of every value.
        .target(name: "Evaluator", dependencies: ["SchemeLanguage", "YAMLReader", "ExactDecimal"]),
        // Renders decisions as French Markdown and JSON.
        .target(name: "Decisions", dependencies: ["Evaluator", "SchemeLanguage", "ExactDecimal"]),
        // The register of decisions, in SQLite: what limits across applications read.
        .target(
            name: "Register",
            dependencies: ["SchemeLanguage", "Evaluator", "ExactDecimal", "Platform", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Batches: the rules folder, application files, decision files, benchmarks.
        .target(name: "Batch", dependencies: ["YAMLReader", "SchemeLanguage", "Evaluator", "Decisions", "ExactDecimal", "Register", "Platform"]),
        // The command-line tool.
        .executableTarget(
            name: "guichet",
            dependencies: [
                "YAMLReader", "SchemeLanguage", "Evaluator", "Decisions", "Batch", "Register", "Platform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PlatformTests", dependencies: ["Platform"]),
        .testTarget(name: "YAMLReaderTests", dependencies: ["YAMLReader"]),
        .testTarget(name: "ExactDecimalTests", dependencies: ["ExactDecimal"]),
        .testTarget(name: "SchemeLanguageTests", dependencies: ["SchemeLanguage", "YAMLReader", "ExactDecimal"]),
        .testTarget(
            name: "GuichetTests",
            dependencies: ["SchemeLanguage", "Evaluator", "Decisions", "Batch", "YAMLReader", "ExactDecimal", "Register", "Platform"],
            exclude: ["Golden"]
        ),
    ]
)

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
        // Reads YAML streams into located nodes, one document at a time.
        .target(name: "YAMLReader", dependencies: ["CYAML"]),
        // Exact decimal arithmetic for money, rates and numbers.
        .target(name: "ExactDecimal"),
        // The scheme language: model, loader, expressions and their type-checking.
        .target(name: "SchemeLanguage", dependencies: ["YAMLReader", "ExactDecimal"]),
        // Evaluates applications against schemes, with a trace of every value.
        .target(name: "Evaluator", dependencies: ["SchemeLanguage", "YAMLReader", "ExactDecimal"]),
        // Renders decisions as French Markdown and JSON.
        .target(name: "Decisions", dependencies: ["Evaluator", "SchemeLanguage", "ExactDecimal"]),
        // The register of decisions, in SQLite: what limits across applications read.
        .target(
            name: "Register",
            dependencies: ["SchemeLanguage", "Evaluator", "ExactDecimal", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Batches: the rules folder, application files, decision files, benchmarks.
        .target(name: "Batch", dependencies: ["YAMLReader", "SchemeLanguage", "Evaluator", "Decisions", "ExactDecimal", "Register"]),
        // The command-line tool.
        .executableTarget(
            name: "guichet",
            dependencies: [
                "YAMLReader", "SchemeLanguage", "Evaluator", "Decisions", "Batch", "Register",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "YAMLReaderTests", dependencies: ["YAMLReader"]),
        .testTarget(name: "ExactDecimalTests", dependencies: ["ExactDecimal"]),
        .testTarget(name: "SchemeLanguageTests", dependencies: ["SchemeLanguage", "YAMLReader", "ExactDecimal"]),
        .testTarget(
            name: "GuichetTests",
            dependencies: ["SchemeLanguage", "Evaluator", "Decisions", "Batch", "YAMLReader", "ExactDecimal", "Register"],
            exclude: ["Golden"]
        ),
    ]
)

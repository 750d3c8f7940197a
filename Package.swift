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
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        // The system libyaml (Debian: libyaml-dev), reached through its event API.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The system OpenSSL's libcrypto (Debian: libssl-dev), for SHA-256 only: every act is
        // fingerprinted in its three formats, and its SHA-256 runs several times faster than one
        // written in Swift (it uses the processor's SHA instructions).
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The system zlib's CRC-32 (Debian: zlib1g-dev), for the ZIP entries of the ODT acts.
        .systemLibrary(name: "CZlibChecksum", providers: [.apt(["zlib1g-dev"])]),
        // Files and the operating system: owner-only atomic writes, locked output folders,
        // listings that skip nothing silently, hashing, the queue between two threads.
        // The only module that names Glibc or Darwin.
        .target(name: "Platform", dependencies: ["CCrypto", "CZlibChecksum"]),
        // Exact decimal arithmetic for money, rates and numbers.
        .target(name: "ExactDecimal"),
        // Reads YAML streams into located nodes, one document at a time.
        .target(name: "YAMLReader", dependencies: ["CYAML", "ExactDecimal", "Platform"]),
        // Financing tables as a text prints them (`Rules/plans/*.yaml`): printed totals and
        // declared rules (sums, a funder's share, own funds, matching) recomputed exactly; an
        // application's financing plan, which the scheme language reads.
        .target(name: "FinancingPlans", dependencies: ["YAMLReader", "ExactDecimal", "Platform"]),
        // The scheme language: model, loader, expressions and their type-checking.
        .target(name: "SchemeLanguage", dependencies: ["FinancingPlans", "YAMLReader", "ExactDecimal", "Platform"]),
        // The rules folder: every scheme loaded, the checks across schemes, families.
        .target(name: "RuleSet", dependencies: ["SchemeLanguage", "YAMLReader", "Platform"]),
        // The ways in for application files: the dossiers of a démarches-simplifiées export
        // (CSV or the API's JSON) turned into application files by a mapping checked against the scheme.
        .target(name: "Imports", dependencies: ["SchemeLanguage", "YAMLReader", "ExactDecimal", "Platform"]),
        // What an application file may hold, for those who write one: its JSON Schema for
        // editors, and a commented skeleton to fill in.
        .target(name: "ApplicationForms", dependencies: ["SchemeLanguage", "FinancingPlans", "ExactDecimal", "Platform"]),
        // Evaluates applications against schemes, with a trace of every value.
        .target(name: "Evaluator", dependencies: ["RuleSet", "SchemeLanguage", "YAMLReader", "ExactDecimal", "Platform"]),
        // Documents laid out as blocks (visas, articles, tables, signature), whatever their
        // format, and their Markdown and HTML renderings.
        .target(name: "Documents"),
        // Documents as OpenDocument texts (.odt), laid out by the authority's template and its styles.
        .target(name: "OpenDocument", dependencies: ["Documents", "Platform", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Renders decisions as French Markdown and JSON, and schemes as French documents.
        .target(name: "Decisions", dependencies: ["Documents", "Evaluator", "SchemeLanguage", "FinancingPlans", "ExactDecimal", "Platform"]),
        // The register of decisions, in SQLite: what limits across applications read.
        .target(
            name: "Register",
            dependencies: ["SchemeLanguage", "Evaluator", "ExactDecimal", "Platform", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The public questionnaire: which questions a scheme still needs, in the order the
        // evaluator needs them; answers in French formats; the application file they make.
        .target(name: "Questionnaire", dependencies: ["RuleSet", "Evaluator", "SchemeLanguage", "YAMLReader", "ExactDecimal", "Platform"]),
        // The public site as pure functions: catalogue, scheme pages, questionnaire and result
        // pages, downloads, the style sheet. No HTTP: a server calls `PublicSite.respond`.
        .target(name: "PublicSite", dependencies: ["Questionnaire", "Decisions", "Documents", "RuleSet", "Evaluator", "SchemeLanguage", "ExactDecimal", "Platform"]),
        // Batches: application files decided in filing order, decision files, the register.
        .target(name: "Batch", dependencies: ["Documents", "OpenDocument", "RuleSet", "Evaluator", "Decisions", "Register", "SchemeLanguage", "YAMLReader", "ExactDecimal", "Platform"]),
        // Reforms tried on a portfolio: two runs side by side, and the French report.
        .target(name: "Simulation", dependencies: ["Documents", "Imports", "Batch", "Register", "RuleSet", "Evaluator", "Decisions", "SchemeLanguage", "YAMLReader", "ExactDecimal", "Platform"]),
        // Synthetic portfolios made from the schemes' own test cases, and their calibration.
        .target(name: "Portfolios", dependencies: ["Simulation", "Imports", "Batch", "Decisions", "Register", "RuleSet", "SchemeLanguage", "YAMLReader", "ExactDecimal", "Platform"]),
        // Throughput of each stage on a generated stream.
        .target(name: "Benchmarks", dependencies: ["Documents", "OpenDocument", "Portfolios", "Batch", "Decisions", "Register", "RuleSet", "Evaluator", "SchemeLanguage", "YAMLReader", "Platform"]),
        // The HTTP service (`guichet serve`): the JSON API and its OpenAPI document, with the
        // security headers and limits every response carries.
        .target(name: "Service", dependencies: [
            "PublicSite", "Simulation", "Batch", "Decisions", "Evaluator", "RuleSet", "Imports", "SchemeLanguage", "YAMLReader", "ExactDecimal", "Platform",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        // The command-line tool: thin commands over the modules above.
        .executableTarget(
            name: "guichet",
            dependencies: [
                "Service", "Benchmarks", "Portfolios", "Simulation", "Batch", "Register", "Decisions", "OpenDocument", "Evaluator",
                "ApplicationForms", "Imports", "FinancingPlans", "RuleSet", "SchemeLanguage", "YAMLReader", "ExactDecimal", "Platform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fixtures shared by the test targets: the repository's paths, small schemes, running the tool,
        // applications decided in filing order.
        .target(
            name: "TestSupport",
            dependencies: ["Batch", "Decisions", "OpenDocument", "Register", "RuleSet", "Evaluator", "SchemeLanguage", "YAMLReader", "Platform"],
            path: "Tests/TestSupport"
        ),
        // One test target per module, each beside the module it tests.
        .testTarget(name: "PlatformTests", dependencies: ["Platform"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents"]),
        .testTarget(name: "OpenDocumentTests", dependencies: ["OpenDocument", "Documents", "Platform", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "YAMLReaderTests", dependencies: ["YAMLReader", "Platform"]),
        .testTarget(name: "ExactDecimalTests", dependencies: ["ExactDecimal", "Platform"]),
        .testTarget(name: "FinancingPlansTests", dependencies: ["FinancingPlans", "YAMLReader", "ExactDecimal", "Platform", "TestSupport"]),
        .testTarget(name: "SchemeLanguageTests", dependencies: ["SchemeLanguage", "YAMLReader", "ExactDecimal", "Platform"]),
        .testTarget(name: "ImportsTests", dependencies: ["Imports", "RuleSet", "SchemeLanguage", "YAMLReader", "ExactDecimal", "Platform", "TestSupport"]),
        .testTarget(name: "ApplicationFormsTests", dependencies: ["ApplicationForms", "RuleSet", "SchemeLanguage", "YAMLReader", "TestSupport"]),
        .testTarget(name: "RuleSetTests", dependencies: ["RuleSet", "Evaluator", "SchemeLanguage", "TestSupport"]),
        .testTarget(name: "EvaluatorTests", dependencies: ["Evaluator", "Batch", "Decisions", "Register", "Simulation", "Portfolios", "RuleSet", "SchemeLanguage", "YAMLReader", "ExactDecimal", "TestSupport"]),
        .testTarget(name: "DecisionsTests", dependencies: ["Decisions", "Batch", "Register", "Evaluator", "RuleSet", "SchemeLanguage", "ExactDecimal", "Platform", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "RegisterTests", dependencies: ["Register", "Batch", "Evaluator", "RuleSet", "SchemeLanguage", "ExactDecimal", "Platform", "Portfolios", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "BatchTests", dependencies: ["Batch", "Decisions", "Register", "Evaluator", "RuleSet", "SchemeLanguage", "YAMLReader", "ExactDecimal", "Platform", "Portfolios", "TestSupport"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Imports", "Portfolios", "Batch", "Decisions", "Register", "Evaluator", "RuleSet", "SchemeLanguage", "ExactDecimal", "Platform", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "QuestionnaireTests", dependencies: ["Questionnaire", "Evaluator", "RuleSet", "SchemeLanguage", "YAMLReader", "ExactDecimal", "TestSupport"]),
        .testTarget(name: "PublicSiteTests", dependencies: ["PublicSite", "Questionnaire", "Decisions", "Evaluator", "RuleSet", "SchemeLanguage", "YAMLReader", "TestSupport"]),
        .testTarget(name: "PortfoliosTests", dependencies: ["Portfolios", "Imports", "Evaluator", "SchemeLanguage", "YAMLReader", "ExactDecimal", "TestSupport"]),
        .testTarget(name: "ServiceTests", dependencies: [
            "Service", "Batch", "Decisions", "RuleSet", "Imports", "SchemeLanguage", "Platform", "TestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ]),
        // The command-line tool, run as a user runs it.
        .testTarget(name: "GuichetTests", dependencies: ["Register", "TestSupport"]),
    ]
)

import Foundation
import SchemeLanguage
import YAMLReader

/// Measures the batch pipeline on a generated stream of applications.
public struct Benchmark {
    public struct Figures: Sendable {
        public let documents: Int
        public let bytes: Int
        /// Reading the stream into nodes only.
        public let readSeconds: Double
        /// Reading, decoding, evaluating and writing a JSON Lines summary.
        public let pipelineSeconds: Double
        public let outcomes: [Outcome: Int]
        public let errors: Int

        public var readRate: Double { Double(documents) / readSeconds }
        public var pipelineRate: Double { Double(documents) / pipelineSeconds }
    }

    public let catalog: SchemeCatalog
    public let scheme: Scheme

    public init(catalog: SchemeCatalog, scheme: Scheme) {
        self.catalog = catalog
        self.scheme = scheme
    }

    /// Writes `count` generated applications as one YAML stream.
    public func generate(count: Int, seed: UInt64, to path: String) throws {
        guard let file = fopen(path, "wb") else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { fclose(file) }
        var generator = SyntheticApplications(scheme: scheme, seed: seed)
        for index in 1...max(1, count) {
            let document = generator.document(index)
            _ = document.utf8.withContiguousStorageIfAvailable { fwrite($0.baseAddress, 1, $0.count, file) }
        }
    }

    public func measure(stream path: String, summary summaryPath: String) throws -> Figures {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let clock = ContinuousClock()
        var documents = 0
        let readTime = try clock.measure {
            let reader = try YAMLDocumentReader(path: path)
            while try reader.nextDocument() != nil { documents += 1 }
        }
        var outcomes: [Outcome: Int] = [:]
        var errors = 0
        let pipelineTime = try clock.measure {
            guard let summary = fopen(summaryPath, "wb") else { throw WriteError(path: summaryPath, reason: String(cString: strerror(errno))) }
            defer { fclose(summary) }
            let runner = BatchRunner(catalog: catalog, output: nil)
            let reader = try YAMLDocumentReader(path: path)
            while let document = try reader.nextDocument() {
                let entry = runner.process(document)
                if let outcome = entry.outcome { outcomes[outcome, default: 0] += 1 } else { errors += 1 }
                var line = SummaryLine.render(entry)
                line += "\n"
                _ = line.utf8.withContiguousStorageIfAvailable { fwrite($0.baseAddress, 1, $0.count, summary) }
            }
        }
        return Figures(documents: documents, bytes: bytes, readSeconds: readTime.seconds,
                       pipelineSeconds: pipelineTime.seconds, outcomes: outcomes, errors: errors)
    }
}

extension Duration {
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}

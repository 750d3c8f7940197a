import Decisions
import Documents
import Evaluator
import OpenDocument
import SchemeLanguage
import YAMLReader

extension Benchmark {
    /// What each format of the acts costs: every application of the stream decided by the
    /// President (an act for each favourable or unfavourable outcome), its act built as a
    /// `Document` and rendered in memory as Markdown, HTML and, with a template, ODT.
    public struct ActFigures: Sendable {
        public let acts: Int
        /// Reading, decoding, evaluating and building each act's document.
        public let buildSeconds: Double
        /// Each rendering alone, summed over the acts, and the bytes it made.
        public let markdown: (seconds: Double, bytes: Int)
        public let html: (seconds: Double, bytes: Int)
        public let odt: (seconds: Double, bytes: Int)?
    }

    public func measureActs(stream path: String, template: ODTTemplate?) throws -> ActFigures {
        let decoder = ApplicationDecoder(scheme: scheme)
        let evaluator = SchemeEvaluator(scheme: scheme)
        let act = DecisionAct(body: .presidentByDelegation, reference: "BENCH-1", date: referenceDate)
        let issuance = Issuance.decision(act, deployment: Deployment())
        let clock = ContinuousClock()
        var documents: [Document] = []
        let build = try clock.measure {
            let reader = try YAMLDocumentReader(path: path)
            while let node = try reader.nextDocument() {
                guard case .success(let application) = decoder.decode(node),
                      let evaluation = try? evaluator.evaluate(application, referenceDate: referenceDate),
                      let document = DecisionRecord(evaluation, issuance: issuance).sentDocument else { continue }
                documents.append(document)
            }
        }.seconds
        func timed(_ render: (Document) throws -> [UInt8]) rethrows -> (seconds: Double, bytes: Int) {
            var bytes = 0
            let seconds = try clock.measure { for document in documents { bytes &+= try render(document).count } }.seconds
            return (seconds, bytes)
        }
        return ActFigures(acts: documents.count, buildSeconds: build, markdown: timed(MarkdownRendering.utf8),
                          html: timed(HTMLRendering.utf8),
                          odt: try template.map { template in try timed { try ODTRendering.render($0, template: template) } })
    }
}

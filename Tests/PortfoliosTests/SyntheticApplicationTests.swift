import Evaluator
import Portfolios
import SchemeLanguage
import TestSupport
import Testing
import YAMLReader

@Suite struct SyntheticApplicationTests {
    @Test func theSameSeedGivesTheSameStreamAndEveryDocumentDecodes() throws {
        let scheme = try Load.pdesi()
        var first = SyntheticApplications(scheme: scheme, seed: 7)
        var second = SyntheticApplications(scheme: scheme, seed: 7)
        var other = SyntheticApplications(scheme: scheme, seed: 8)
        let a = (1...200).map { first.document($0) }.joined()
        #expect(a == (1...200).map { second.document($0) }.joined())
        #expect(a != (1...200).map { other.document($0) }.joined())
        let reader = YAMLDocumentReader(text: a, file: "synthetic.yaml")
        let decoder = ApplicationDecoder(scheme: scheme)
        var outcomes: Set<Outcome> = []
        while let document = try reader.nextDocument() {
            let application = try decoder.decode(document).get()
            outcomes.insert(try SchemeEvaluator(scheme: scheme).evaluate(application, referenceDate: application.filed).outcome)
        }
        #expect(outcomes.count >= 3, "a realistic mix of outcomes: \(outcomes)")
    }
}

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

    /// PDESI applies from 9 October 2020: a case filed within it gives applications filed within
    /// it, in the case's year, and the case filed the day before keeps its date and its refusal.
    @Test func filingDatesStayOnTheirSideOfThePeriodOfApplication() throws {
        let scheme = try Load.pdesi()
        let window = try #require(scheme.inForce)
        let before = try #require(scheme.tests.first { !window.contains($0.application.filed) }).application.filed
        var generator = SyntheticApplications(scheme: scheme, seed: 11)
        let reader = YAMLDocumentReader(text: (1...400).map { generator.document($0) }.joined(), file: "synthetic.yaml")
        let decoder = ApplicationDecoder(scheme: scheme)
        var days: Set<LocalDate> = []
        while let document = try reader.nextDocument() {
            let filed = try decoder.decode(document).get().filed
            #expect(window.contains(filed) || filed == before, "\(filed)")
            #expect(filed.year == 2020)
            days.insert(filed)
        }
        #expect(days.contains(before), "the case outside the window is drawn too")
        #expect(days.count > 30, "the days spread over the period: \(days.count)")
    }
}

import Evaluator
import Imports
@testable import Portfolios
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

/// The communes that apply in a generated portfolio are those of the reference, by their name
/// and SIREN, as long as there are owners to spare.
@Suite struct ReferenceCommuneTests {
    @Test func aCommuneThatAppliesIsARealOneWithItsSiren() throws {
        let scheme = try Load.pdesi()
        let communes = try CommuneReference.load(rulesFolder: Repository.path("Rules")).get()
        let documents = PortfolioGenerator(scheme: scheme, seed: 4, count: 3_000, owners: 2_000, communes: communes).documents()
        var real = 0, fictitious = 0
        for document in documents {
            let name = try #require(document.firstMatch(of: /\n  name: (.*)\n/)?.output.1)
            // A test case without the SIREN (an incomplete file) gives no owner, hence no commune.
            guard let siren = document.firstMatch(of: /\n  porteur\.siren: "?([^"\n]*)"?\n/)?.output.1 else {
                #expect(name.hasPrefix("Commune n°"), "\(name)")
                continue
            }
            if name.hasPrefix("Commune n°") {
                fictitious += 1
                #expect(communes.index(ofSiren: String(siren)) == nil, "\(name): \(siren)")
            } else {
                real += 1
                let commune = try #require(communes.index(ofSiren: String(siren)).map { communes.communes[$0] }, "\(name): \(siren)")
                #expect(name == "Commune \(SyntheticApplications.de(commune.name))")
            }
        }
        // 890 communes among 2 000 owners.
        #expect(real > 1_000 && fictitious > 1_000, "\(real) real, \(fictitious) fictitious")
    }

    @Test(arguments: [("Wimereux", "de Wimereux"), ("Arras", "d'Arras"), ("Le Portel", "du Portel"), ("Les Attaques", "des Attaques"),
                      ("Étaples", "d'Étaples"), ("La Calotterie", "de La Calotterie")])
    func aCommunesNameTakesItsPreposition(_ name: String, _ expected: String) {
        #expect(SyntheticApplications.de(name) == expected)
    }
}

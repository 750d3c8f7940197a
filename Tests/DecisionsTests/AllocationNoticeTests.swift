import Decisions
import Evaluator
import ExactDecimal
import Foundation
import RuleSet
import SchemeLanguage
import Testing
import TestSupport

/// The collèges' allocations (`Rules/dotations-colleges.yaml`, `kind: allocation`): each
/// establishment's notice and the authority's table, from the sample of fictitious collèges.
@Suite struct AllocationNoticeTests {
    static let catalog = FictitiousParameters.rules()

    static func evaluation(_ file: String) throws -> Evaluation {
        let scheme = try #require(catalog.schemes["dotations-colleges"])
        let text = try String(contentsOfFile: Repository.path("Applications/colleges/\(file)"), encoding: .utf8)
        return try Load.evaluate(text, scheme: scheme)
    }

    /// The text with its no-break spaces as plain spaces, to compare with a literal.
    static func plain(_ text: String) -> String { text.withPlainSpaces }

    @Test func theRulesTestCasesPassAndTheReportsExampleIsOne() throws {
        let scheme = try #require(SchemeCatalog.load(directory: Repository.path("Rules")).schemes["dotations-colleges"])
        let results = SchemeTestRunner.run(scheme)
        #expect(results.count >= 12)
        let failing = results.filter { !$0.passed }
        #expect(failing.isEmpty, "\(results.filter { !$0.passed }.map(\.mismatches))")
        let example = try #require(scheme.tests.first { $0.name.contains("1 152,00 €") })
        #expect(example.steps.first { $0.id == "penalite" }?.value.decimal == DecimalNumber(parsing: "1152"))
        #expect(example.steps.first { $0.id == "repas" }?.value.decimal == DecimalNumber(28800))
    }

    @Test func aStepExpectedWrongIsReported() throws {
        let scheme = try #require(SchemeCatalog.load(directory: Repository.path("Rules")).schemes["dotations-colleges"])
        let example = try #require(scheme.tests.first { $0.name.contains("1 152,00 €") })
        let wrong = SchemeTestCase(name: example.name, application: example.application, outcome: .favorable, amount: nil, failed: nil, missing: nil,
                                   steps: [(id: "penalite", value: .money(DecimalNumber(parsing: "1153")!))], parameters: example.parameters, mark: example.mark)
        let result = try #require(SchemeTestRunner.run(scheme.with(tests: [wrong])).first)
        #expect(result.mismatches.map(Self.plain) == ["étape penalite : attendu 1 153,00 €, obtenu 1 152,00 €"])
    }

    @Test func theNoticeStatesEachPartWithItsTextAndSaysItIsASimulation() throws {
        let evaluation = try Self.evaluation("02-littoral.yaml")
        let markdown = Self.plain(MarkdownDecision.render(DecisionRecord(evaluation)))
        #expect(markdown.hasPrefix("> **Simulation — ce document n'est pas une décision.**"))
        #expect(markdown.contains("## Simulation : notification des dotations"))
        #expect(markdown.contains("| Établissement | Collège du Littoral (fictif) |"))
        #expect(markdown.contains("| Pénalité sur les résultats non conformes à l'objectif (déduite) | 1 607,04 € | Rapport n°11 au Conseil départemental du 28 septembre 2020, 7° Une restauration scolaire renforcée, lignes 4890 à 4895 |"))
        #expect(markdown.contains("17,84 € par élève pour les 455 élèves du collège, soit 8 117,20 €"))
        #expect(markdown.contains("Valeurs fictives, pour les essais, des paramètres que le texte ne chiffre pas"))
        #expect(!markdown.contains("Critères d'éligibilité") && !markdown.contains("demande d'aide") && !markdown.contains("traitement algorithmique"))
    }

    @Test func aNegativePartIsLeftToThService() throws {
        let evaluation = try Self.evaluation("04-beffroi.yaml")
        let markdown = Self.plain(MarkdownDecision.render(DecisionRecord(evaluation)))
        #expect(markdown.contains("La part « Dotation globale de fonctionnement » est négative (-12 238,24 €) : le texte ne dit pas comment ce montant est réglé"))
    }

    @Test func anAllocationOfNothingIsComputedNotRefused() throws {
        let evaluation = try Self.evaluation("09-plaine.yaml")
        #expect(evaluation.outcome == .favorable)
        let steps = try #require(evaluation.amount?.steps)
        let penalty = try #require(evaluation.scheme.amount?.steps.firstIndex { $0.id == "penalite" })
        #expect(steps[penalty]?.decimal == .zero)
    }

    @Test func theAuthoritysTableAddsUpEachPart() throws {
        let scheme = try #require(Self.catalog.schemes["dotations-colleges"])
        var table = AllocationTable(scheme: scheme)
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Applications/colleges")).sorted()
        #expect(files.count >= 12)
        var total = DecimalNumber.zero
        for file in files {
            let evaluation = try Self.evaluation(file)
            table.add(evaluation)
            total = try total.adding(try #require(evaluation.amount?.final))
        }
        let sums = try #require(table.sums())
        #expect(sums.total == total)
        let markdown = Self.plain(table.markdown(simulation: true, referenceDate: LocalDate(iso: "2020-10-15")!))
        #expect(markdown.hasPrefix("> **Simulation — ce document n'est pas une décision : les dotations ne sont pas notifiées.**"))
        #expect(markdown.contains("| **Total** | |"))
        #expect(markdown.contains("**\(Self.plain(FrenchFormat.money(total)))** |"))
        #expect(markdown.contains("Dotations calculées le 15 octobre 2020 pour \(files.count) établissements."))
    }

    /// The notices of three collèges (a penalty, a negative part, no catering) and the
    /// authority's table, compared byte for byte with reviewed copies; regenerate with
    /// `GUICHET_UPDATE_GOLDEN=1 swift test --filter AllocationNoticeTests`, then read the diff.
    @Test func theNoticesAndTheTableMatchTheReviewedCopies() throws {
        let golden = Repository.path("Tests/DecisionsTests/Golden/colleges")
        let scheme = try #require(Self.catalog.schemes["dotations-colleges"])
        var table = AllocationTable(scheme: scheme)
        var produced: [String: [UInt8]] = [:]
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.path("Applications/colleges")).sorted()
        for file in files {
            let evaluation = try Self.evaluation(file)
            table.add(evaluation)
            guard ["02-littoral.yaml", "04-beffroi.yaml", "09-plaine.yaml"].contains(file) else { continue }
            let record = DecisionRecord(evaluation)
            produced["\(evaluation.application.id).md"] = MarkdownDecision.utf8(record)
            produced["\(evaluation.application.id).json"] = Array(JSONDecision.render(record).utf8)
        }
        produced["tableau-dotations-colleges.md"] = Array(table.markdown(simulation: true, referenceDate: LocalDate(iso: "2020-10-15")!).utf8)
        if ProcessInfo.processInfo.environment["GUICHET_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: golden)
            try FileManager.default.createDirectory(atPath: golden, withIntermediateDirectories: true)
            for (name, bytes) in produced { try Data(bytes).write(to: URL(fileURLWithPath: "\(golden)/\(name)")) }
            return
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: golden).sorted() == produced.keys.sorted())
        for (name, bytes) in produced {
            let reviewed = try Data(contentsOf: URL(fileURLWithPath: "\(golden)/\(name)"))
            #expect(Data(bytes) == reviewed, "\(name) differs from its reviewed copy; regenerate with GUICHET_UPDATE_GOLDEN=1 and read git diff")
        }
    }
}

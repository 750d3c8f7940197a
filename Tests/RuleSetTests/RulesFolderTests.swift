import Evaluator
import Foundation
import RuleSet
import SchemeLanguage
import TestSupport
import Testing

/// A rules folder's files besides its schemes: `deliberations.yaml`, cited by key, and
/// `tests/<scheme-id>.yaml`, each scheme's test cases.
@Suite struct RulesFolderTests {
    /// Removed with its content when the test is over.
    let temporary: TemporaryFolder
    var folder: String { temporary.path }

    init() throws {
        temporary = try TemporaryFolder("rules")
        try FileManager.default.createDirectory(atPath: "\(folder)/tests", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.path("Rules/deliberations.yaml"), toPath: "\(folder)/deliberations.yaml")
        try write("demo.yaml", Self.scheme)
    }

    static let scheme = """
        id: demo
        title: Aide de démonstration
        kind: individual-aid
        family: essai
        authority: {id: cd62, decides: assemblée}
        sources:
          texte: {act: cd62-2020-309, article: article 2, lines: 5159-5162, quote: Texte.}
        inputs:
          a: {type: boolean, question: A ?, statement: {true: Oui., false: Non.}}
        eligibility:
          - {id: condition-a, label: A, failure: Pas A., when: a, source: texte}

        """

    static let cases = """
        # Cas de test de demo.
        - name: A vrai
          application: {filed: 2020-10-01, facts: {a: true}}
          expect: {outcome: favorable}

        - name: A faux
          application: {filed: 2020-10-01, facts: {a: false}}
          expect: {outcome: défavorable, failed: [condition-a]}

        """

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
    }

    func messages(_ catalog: SchemeCatalog, file: String) -> [String] {
        catalog.failures.filter { $0.file == "\(folder)/\(file)" }.flatMap { $0.diagnostics.map(\.description) }
    }

    @Test func theCasesOfATestFileAreLoadedWithTheirSchemeAndLocatedThere() throws {
        try write("tests/demo.yaml", Self.cases)
        let catalog = SchemeCatalog.load(directory: folder)
        #expect(catalog.failures.isEmpty, "\(catalog.failures)")
        let scheme = try #require(catalog.schemes["demo"])
        #expect(scheme.authority.signatory == "Le Président du Conseil départemental")
        #expect(scheme.tests.map(\.name) == ["A vrai", "A faux"])
        #expect(scheme.tests.map(\.mark.description) == ["\(folder)/tests/demo.yaml:2:3", "\(folder)/tests/demo.yaml:6:3"])
        #expect(SchemeTestRunner.run(scheme).filter { !$0.passed }.isEmpty)
    }

    @Test func anErrorInATestFileIsLocatedThereAndRefusesTheScheme() throws {
        try write("tests/demo.yaml", Self.cases.replacing("failed: [condition-a]", with: "failed: [condition-b]"))
        let catalog = SchemeCatalog.load(directory: folder)
        #expect(catalog.schemes["demo"] == nil)
        #expect(messages(catalog, file: "tests/demo.yaml")
            == ["\(folder)/tests/demo.yaml:8:43: erreur : critère « condition-b » inconnu ; vouliez-vous dire « condition-a » ? [[1].expect.failed]"])
        #expect(catalog.brokenMembers(of: "essai") == ["\(folder)/demo.yaml"])
    }

    @Test func aTestFileNamedAfterNoSchemeIsReported() throws {
        try write("tests/dem.yaml", Self.cases)
        let catalog = SchemeCatalog.load(directory: folder)
        #expect(catalog.schemes["demo"] != nil)
        #expect(messages(catalog, file: "tests/dem.yaml") == ["\(folder)/tests/dem.yaml:1:1: erreur : aucun dispositif n'a l'identifiant « dem » : "
            + "un fichier de test porte l'identifiant du dispositif qu'il teste ; vouliez-vous dire « demo » ?"])
    }

    @Test func aTestFileOfASchemeWithErrorsIsLeftUnread() throws {
        try write("demo.yaml", Self.scheme.replacing("id: cd62", with: "id: cd26"))
        try write("tests/demo.yaml", Self.cases)
        let catalog = SchemeCatalog.load(directory: folder)
        #expect(messages(catalog, file: "demo.yaml") == ["\(folder)/demo.yaml:5:17: erreur : autorité « cd26 » inconnue ; vouliez-vous dire « cd62 » ? [authority.id]"])
        #expect(messages(catalog, file: "tests/demo.yaml").isEmpty)
    }

    @Test func casesWrittenBothInTheSchemeAndBesideItAreRefused() throws {
        let inline = Self.cases.split(separator: "\n").dropFirst().map { "  \($0)" }.joined(separator: "\n")
        try write("demo.yaml", Self.scheme + "tests:\n" + inline + "\n")
        try write("tests/demo.yaml", Self.cases)
        let catalog = SchemeCatalog.load(directory: folder)
        #expect(catalog.schemes["demo"] == nil)
        #expect(messages(catalog, file: "tests/demo.yaml") == ["\(folder)/tests/demo.yaml:1:1: erreur : le dispositif « demo » a déjà des cas de test "
            + "dans son propre fichier (\(folder)/demo.yaml:13:5) : gardez-les en un seul endroit, ce fichier-ci"])
    }

    @Test func aSchemeWithInlineCasesAndNoTestFileStillRunsThem() throws {
        let inline = Self.cases.split(separator: "\n").dropFirst().map { "  \($0)" }.joined(separator: "\n")
        try write("demo.yaml", Self.scheme + "tests:\n" + inline + "\n")
        let catalog = SchemeCatalog.load(directory: folder)
        #expect(catalog.schemes["demo"]?.tests.count == 2)
    }

    @Test func theSharedFileIsNoSchemeAndItsErrorsAreReportedThere() throws {
        var shared = try String(contentsOfFile: "\(folder)/deliberations.yaml", encoding: .utf8)
        shared = shared.replacing("    number: 2020-309", with: "    number: 2020-390")
        try write("deliberations.yaml", shared)
        let catalog = SchemeCatalog.load(directory: folder)
        let errors = messages(catalog, file: "deliberations.yaml")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("erreur : le titre ne contient pas « n°2020-390 »") == true)
        #expect(messages(catalog, file: "demo.yaml") == ["\(folder)/demo.yaml:7:16: erreur : l'acte « cd62-2020-309 » contient des erreurs dans "
            + "\(folder)/deliberations.yaml : corrigez-les d'abord [sources.texte.act]"])
    }

    // MARK: - mentions.yaml

    /// The repository's mentions load, reach every scheme, and enter each fingerprint.
    @Test func theMentionsOfTheFolderReachEverySchemeAndItsFingerprint() throws {
        let rules = temporary.file("copy")
        try FileManager.default.copyItem(atPath: Repository.path("Rules"), toPath: rules)
        let before = SchemeCatalog.load(directory: rules)
        #expect(before.failures.isEmpty, "\(before.failures)")
        for scheme in before.sorted { #expect(scheme.mentions != nil, "\(scheme.id)") }
        #expect(before.schemes["fsl-acces"]?.mentions?.schemes["fsl-acces"]?.personalData?.recipients != nil)
        let path = "\(rules)/mentions.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacing("deadline_days: 30", with: "deadline_days: 31").utf8).write(to: URL(fileURLWithPath: path))
        let after = SchemeCatalog.load(directory: rules)
        #expect(after.failures.isEmpty)
        #expect(after.schemes["pdesi"]?.mentions?.piecesDeadline(scheme: "pdesi") == 31)
        #expect(after.schemes["pdesi"]?.rulesHash != before.schemes["pdesi"]?.rulesHash, "a changed mention changes the fingerprint")
    }

    /// A malformed mentions.yaml is reported at its line, and the schemes still load (their
    /// documents then say that the mentions are missing).
    @Test func aMalformedMentionsFileIsReportedAtItsLine() throws {
        let text = try String(contentsOfFile: Repository.path("Rules/mentions.yaml"), encoding: .utf8)
        let broken = text.replacing("gracieux auprès {autorité} ou", with: "gracieux auprès {autorite} ou")
        #expect(broken != text)
        try write("mentions.yaml", broken)
        let catalog = SchemeCatalog.load(directory: folder)
        let errors = messages(catalog, file: "mentions.yaml")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let appeal = try #require(lines.firstIndex(of: "appeal:"))
        let line = try #require(lines[appeal...].firstIndex { $0.hasPrefix("  personne-physique: >-") })
        #expect(errors.count == 2, "the two texts that use it: \(errors)")
        #expect(errors.first == "\(folder)/mentions.yaml:\(line + 1):22: erreur : repère « {autorite} » inconnu ; vouliez-vous dire « {autorité} » ? "
            + "Ce texte peut employer {décision}, {autorité}, {tribunal} [appeal.personne-physique]")
        #expect(catalog.schemes["demo"] != nil && catalog.schemes["demo"]?.mentions == nil)
    }

    @Test func anEntryOfMentionsNamingNoSchemeIsReported() throws {
        let text = try String(contentsOfFile: Repository.path("Rules/mentions.yaml"), encoding: .utf8)
        try write("mentions.yaml", text + "  dem:\n    pieces_deadline_days: 10\n")
        let catalog = SchemeCatalog.load(directory: folder)
        let errors = messages(catalog, file: "mentions.yaml")
        #expect(errors.contains { $0.hasSuffix("erreur : aucun dispositif n'a l'identifiant « dem » ; vouliez-vous dire « demo » ? [schemes.dem]") }, "\(errors)")
        #expect(errors.contains { $0.contains("aucun dispositif n'a l'identifiant « fsl-acces »") }, "this folder has no housing scheme")
        #expect(messages(catalog, file: "demo.yaml").isEmpty, "the file is no scheme")
    }

    /// A decision names the exact rules applied: retitling an act changes the fingerprint of
    /// every scheme citing it, and of no other.
    @Test func retitlingAnActChangesTheFingerprintOfTheSchemesCitingIt() throws {
        let rules = temporary.file("copy")
        try FileManager.default.copyItem(atPath: Repository.path("Rules"), toPath: rules)
        let before = SchemeCatalog.load(directory: rules)
        #expect(before.failures.isEmpty)
        let path = "\(rules)/deliberations.yaml"
        let shared = try String(contentsOfFile: path, encoding: .utf8)
        let retitled = shared.replacing("title: Délibération n°2020-309 du Conseil départemental du 28 septembre 2020",
                                        with: "title: Délibération n°2020-309 du Conseil départemental du Pas-de-Calais du 28 septembre 2020")
        #expect(retitled != shared)
        try Data(retitled.utf8).write(to: URL(fileURLWithPath: path))
        let after = SchemeCatalog.load(directory: rules)
        #expect(after.failures.isEmpty)
        #expect(after.schemes["pdesi"]?.rulesHash != before.schemes["pdesi"]?.rulesHash)
        #expect(after.schemes["medecins-salaries"]?.rulesHash == before.schemes["medecins-salaries"]?.rulesHash)
        #expect(after.schemes["pdesi"]?.sources.first?.citation.hasPrefix("Délibération n°2020-309 du Conseil départemental du Pas-de-Calais") == true)
    }

    @Test func guichetTestShowsWhereEachCaseIsWritten() throws {
        try write("tests/demo.yaml", Self.cases)
        let run = try CommandLine.run(["test", folder])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("réussi  demo : A vrai (\(folder)/tests/demo.yaml:2:3)"))
        #expect(run.stdout.contains("2 cas réussis, 0 cas en échec"))
    }

    /// Every bundled scheme says who decides, citing one of its own sources, and its authority
    /// names that body for documents.
    @Test func everyBundledSchemeSaysWhoDecides() throws {
        let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
        #expect(catalog.failures.isEmpty, "\(catalog.failures)")
        let expected: [String: (DecidingBody, String)] = [
            "pdesi": (.standingCommittee, "commission-permanente"),
            "fsl-acces": (.presidentByDelegation, "delegation-fsl"),
            "fonds-solvabilisation": (.presidentByDelegation, "delegation-fsl"),
            "fonds-dettes-loyer": (.presidentByDelegation, "delegation-fsl"),
            "medecins-salaries": (.presidentByDelegation, "mise-en-oeuvre"),
            "itineraires-cyclables-colleges": (.standingCommittee, "commission-permanente"),
        ]
        // The collèges' allocations apply the formula the Conseil départemental voted itself:
        // no delegation, so no source of one.
        let assembly = ["dotations-colleges"]
        #expect(Set(catalog.schemes.keys) == Set(expected.keys).union(assembly))
        for id in assembly {
            let decided = try #require(catalog.schemes[id]?.decidedBy, "\(id)")
            #expect(decided.body == .assembly && decided.source == nil, "\(id)")
        }
        for (id, (body, source)) in expected {
            let scheme = try #require(catalog.schemes[id])
            let decided = try #require(scheme.decidedBy, "\(id)")
            #expect(decided.body == body, "\(id)")
            #expect(decided.source == source, "\(id)")
            let cited = try #require(scheme.source(source), "\(id)")
            #expect(cited.quote?.isEmpty == false && cited.lines != nil, "\(id)")
            #expect(scheme.authority.name(of: body) != nil, "\(id)")
        }
    }

    /// In a folder with deliberations.yaml, `authority: cd62` alone is refused, at that line.
    @Test func aBareAuthorityKeyIsRefusedInARulesFolder() throws {
        try write("demo.yaml", Self.scheme.replacing("authority: {id: cd62, decides: assemblée}", with: "authority: cd62"))
        let catalog = SchemeCatalog.load(directory: folder)
        #expect(catalog.schemes["demo"] == nil)
        let errors = messages(catalog, file: "demo.yaml")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(folder)/demo.yaml:5:12: erreur : dites qui décide des demandes") == true)
    }
}

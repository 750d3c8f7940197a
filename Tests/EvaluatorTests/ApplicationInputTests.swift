import Batch
import Evaluator
import SchemeLanguage
import TestSupport
import Testing
import YAMLReader

/// Bad application input: each a clear, located error, never a crash, never another's loss.
@Suite struct ApplicationInputTests {
    let scheme: Scheme

    init() throws {
        scheme = try Load.pdesi()
    }

    func errors(_ text: String) throws -> [Diagnostic] {
        do {
            _ = try Load.application(text, scheme: scheme)
            return []
        } catch let list as DiagnosticList {
            return list.diagnostics
        }
    }

    let valid = """
        scheme: pdesi
        id: PDESI-T
        filed: 2020-10-15
        applicant: {name: Commune de Test}
        facts:
          esi: {categorie: inscrit_1}
          projet: {depense_eligible_ht: 60 000 €}
        """

    @Test func aValidApplicationDecodes() throws {
        #expect(try errors(valid).isEmpty)
    }

    @Test func flatAndNestedFactsAreTheSame() throws {
        let nested = try Load.application(valid, scheme: scheme)
        let flat = try Load.application(valid.replacing("  esi: {categorie: inscrit_1}\n  projet: {depense_eligible_ht: 60 000 €}", with: "  esi.categorie: inscrit_1\n  projet.depense_eligible_ht: 60 000 €"), scheme: scheme)
        #expect(nested.facts == flat.facts)
    }

    @Test func unknownFactIsLocatedWithSuggestion() throws {
        let error = try #require(try errors(valid + "\n  projet.depense_eligible: 10 €").first)
        #expect(error.message.contains("fait « projet.depense_eligible » inconnu du dispositif pdesi ; vouliez-vous dire « projet.depense_eligible_ht » ?"))
        #expect(error.mark.line == 8)
        #expect(error.mark.column == 3)
        #expect(error.path == "facts.projet.depense_eligible")
    }

    /// A category written as the number it once was is refused with the named values.
    @Test func wrongTypeIsLocated() throws {
        let error = try #require(try errors(valid.replacing("categorie: inscrit_1", with: "categorie: 1")).first)
        #expect(error.message == "attendu l'une des valeurs inscrit_1, inscrit_2, classe, non_inscrit, trouvé « 1 »")
        #expect(error.mark.line == 6)
        #expect(error.path == "facts.esi.categorie")
    }

    @Test func negativeExpenseIsRefused() throws {
        let error = try #require(try errors(valid.replacing("60 000 €", with: "-5 000 €")).first)
        #expect(error.message.contains("« projet.depense_eligible_ht » vaut au moins 0,01 €, trouvé -5\u{202F}000 €"))
        #expect(error.mark.line == 7)
    }

    @Test func unknownTopLevelFieldIsRefused() throws {
        let error = try #require(try errors(valid + "\nfiling_date: 2020-10-15").first)
        #expect(error.message.hasPrefix("champ « filing_date » inconnu"))
        #expect(error.mark.line == 8)
    }

    @Test func invalidDateIsRefused() throws {
        let error = try #require(try errors(valid.replacing("2020-10-15", with: "2020-02-30")).first)
        #expect(error.message.contains("date de dépôt écrite AAAA-MM-JJ"))
    }

    @Test func unknownPieceAndManualFindingAreRefused() throws {
        let errors = try errors(valid + "\npieces: [devis, attestation]\nfindings: {porteur-habilite: {satisfied: true}}")
        #expect(errors.contains { $0.message.contains("pièce « attestation » inconnue") })
        #expect(errors.contains { $0.message.contains("« porteur-habilite » n'est pas un critère que l'instructeur tranche") })
    }

    @Test func decimalCommaInsideBracesGetsAHint() throws {
        let error = try #require(try errors(valid.replacing("depense_eligible_ht: 60 000 €", with: "depense_eligible_ht: 60 000,50 €")).first)
        #expect(error.message.contains("mettez entre guillemets un montant écrit avec une virgule décimale"))
    }
}

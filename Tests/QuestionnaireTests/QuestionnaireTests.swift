import Evaluator
import ExactDecimal
import RuleSet
import SchemeLanguage
import Testing
import TestSupport
import YAMLReader
@testable import Questionnaire

/// The PDESI questionnaire driven by answers alone: the pages, their order, a question that
/// stops being asked, and the dossier the answers make.
@Suite struct QuestionnaireTests {
    static let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
    static let day = LocalDate(year: 2020, month: 10, day: 12)!

    func pdesi() throws -> Questionnaire {
        try #require(Questionnaire(catalog: Self.catalog, schemeID: "pdesi", filed: Self.day))
    }

    /// The Wimereux sample's answers, as a person types them.
    static let wimereux: [String: [String]] = [
        "porteur.habilite_pdesi": ["oui"], "esi.categorie": ["inscrit_1"], "projet.respect_normes": ["Oui"],
        "projet.validation_proprietaire": ["oui"], "projet.projet_animation": ["oui"],
        "projet.enjeux": ["", "perennisation_acces", "developpement_touristique"],
        "projet.depense_eligible_ht": ["60\u{202F}000,00 €"], "porteur.siren": ["216200001"], "esi.identifiant": ["ESI-62-0101"],
    ]

    static func answers(_ facts: [String: [String]] = wimereux) -> Answers {
        Answers(applicantName: "Commune de Wimereux", applicantKind: "commune",
                subject: "Sécurisation et balisage du sentier du littoral", facts: facts)
    }

    @Test func theFirstPageAsksTheFirstFactsTheEvaluatorNeeds() throws {
        let interview = try pdesi().interview(Answers())
        #expect(interview.pages.count == 1)
        #expect(!interview.isFinished)
        #expect(interview.pages[0].questions.map(\.id) == ["porteur.habilite_pdesi", "esi.categorie", "projet.respect_normes",
                                                          "projet.validation_proprietaire", "projet.projet_animation"])
    }

    @Test func theWimereuxAnswersFinishWithThirtyThousandEuros() throws {
        let questionnaire = try pdesi()
        let interview = questionnaire.interview(Self.answers())
        #expect(interview.isFinished, "\(interview.problems) \(interview.failures)")
        #expect(interview.problems.isEmpty)
        // esi.identifiant is not asked for an E.S.I. inscrit: its answer is dropped.
        #expect(interview.answers.facts["esi.identifiant"] == nil)
        #expect(interview.pages.flatMap(\.questions).map(\.id).contains("porteur.siren"))
        let dossier = try questionnaire.dossier(interview).get()
        #expect(dossier.evaluation.amount?.final?.description == "30000")
        #expect(dossier.evaluation.outcome == .toExamine)
        #expect(dossier.pieces.map(\.id) == ["attestation-habilitation", "attestation-normes", "accord-proprietaire", "projet-animation", "devis"])
        #expect(dossier.factsToConfirm.map(\.id) == ["porteur.habilite_pdesi", "projet.respect_normes", "projet.validation_proprietaire", "projet.projet_animation"])
        #expect(!dossier.text.contains("confirmed"))
        #expect(!dossier.text.contains("ESI-62-0101"))
    }

    /// A figure of the financing plan is never a question, though the rules need it: the
    /// questionnaire asks no plan, and the dossier it makes has none.
    @Test func aPlanFigureIsNeverAskedAsAQuestion() throws {
        let text = DemoScheme.text(extraCriteria: "  - {id: plan-couvert, label: Plan, failure: Non., when: plan.depenses_ht >= base, source: delib}")
            + "\nfinancing_plan: {funder: departement, aid_step: montant, source: delib}\n"
        let catalog = SchemeCatalog(schemes: ["demo": try Load.scheme(text)])
        let questionnaire = try #require(Questionnaire(catalog: catalog, schemeID: "demo", filed: Self.day))
        let facts: [String: [String]] = ["a": ["oui"], "b": ["oui"], "c": ["oui"], "base": ["1 000 €"], "x": ["1"], "y": ["1"]]
        let interview = questionnaire.interview(Answers(applicantName: "Commune", applicantKind: "commune", subject: "Projet", facts: facts))
        let asked = interview.pages.flatMap(\.questions).map(\.id)
        #expect(asked.contains("a"))
        #expect(!asked.contains { $0.hasPrefix("plan.") }, "\(asked)")
    }

    @Test func aMisspeltAmountIsRefusedInFrenchAtItsField() throws {
        var facts = Self.wimereux
        facts["projet.depense_eligible_ht"] = ["60 000,0O"]
        let interview = try pdesi().interview(Self.answers(facts))
        #expect(!interview.isFinished)
        let problem = try #require(interview.problems(of: .fact("projet.depense_eligible_ht")).first)
        #expect(problem.message == "Indiquez un montant en euros, par exemple 60 000,00 €.")
        #expect(interview.currentPage?.questions.map(\.id).contains("projet.depense_eligible_ht") == true)
    }

    @Test func anAmountBelowTheInputsMinimumIsRefusedByTheDecoderInFrench() throws {
        var facts = Self.wimereux
        facts["projet.depense_eligible_ht"] = ["0"]
        let interview = try pdesi().interview(Self.answers(facts))
        let problem = try #require(interview.problems(of: .fact("projet.depense_eligible_ht")).first)
        #expect(problem.message == "Indiquez un montant d'au moins 0,01 €.")
    }

    @Test func aClassifiedSiteAsksItsIdentifierInsteadOfTheSIREN() throws {
        var facts = Self.wimereux
        facts["esi.categorie"] = ["classe"]
        let interview = try pdesi().interview(Self.answers(facts))
        let asked = interview.pages.flatMap(\.questions).map(\.id)
        #expect(asked.contains("esi.identifiant"))
        #expect(!asked.contains("porteur.siren"))
        #expect(interview.isFinished)
        #expect(interview.answers.facts["porteur.siren"] == nil)
        let dossier = try pdesi().dossier(interview).get()
        #expect(dossier.evaluation.amount?.final?.description == "40000")
    }

    @Test func aRefusalStopsTheQuestionnaire() throws {
        let facts = ["porteur.habilite_pdesi": ["non"], "esi.categorie": ["inscrit_1"], "projet.respect_normes": ["oui"],
                     "projet.validation_proprietaire": ["oui"], "projet.projet_animation": ["oui"]]
        let interview = try pdesi().interview(Self.answers(facts))
        #expect(interview.isFinished && interview.isRefused)
        #expect(interview.pages.count == 1)
        let dossier = try pdesi().dossier(interview).get()
        #expect(dossier.evaluation.outcome == .unfavorable)
    }

    @Test func frenchFormatsAreRead() throws {
        let date = AnswerReading.scalar("09/10/2020", type: .date, field: .form)
        #expect(try date.get().value == .date(LocalDate(year: 2020, month: 10, day: 9)!))
        #expect((try? AnswerReading.scalar("31/02/2020", type: .date, field: .form).get()) == nil)
        #expect(try AnswerReading.scalar("1\u{00A0}234,5 €", type: .money, field: .form).get().yaml == "\"1 234,50 €\"")
        #expect(try AnswerReading.scalar("5,5", type: .rate, field: .form).get().value == .rate(DecimalNumberLiteral.make("0.055")))
        #expect(try AnswerReading.scalar("NON", type: .boolean, field: .form).get().value == .boolean(false))
        let ambiguous = AnswerReading.scalar("60,000", type: .money, field: .form)
        guard case .failure(let problem) = ambiguous else { Issue.record("60,000 accepted"); return }
        #expect(problem.message.contains("ambigu"), "\(problem.message)")
    }

    @Test func threeDecimalsAreWrittenSoThatTheyReadBackExactly() {
        #expect(FactWriting.decimal(DecimalNumberLiteral.make("1.234")) == "1,2340")
        #expect(FactWriting.decimal(DecimalNumberLiteral.make("1234567.5"), minimumFractionDigits: 2) == "1 234 567,50")
    }

    @Test func hostileTextsStayOneScalarAndReadBackTheSame() throws {
        let name = "Commune <script>alert(\"x\")</script> d'Été : {a: b}\n- [c] # \\ \u{2028}"
        let quoted = FactWriting.quoted(name)
        let document = try YAMLDocumentReader.singleDocument(text: "name: \(quoted)\n", file: "t.yaml")
        #expect(document.mapping?.count == 1)
        #expect(document.mapping?.first?.value.scalar == name)
    }

    @Test func formFieldsCarryTheAnswersBackUnchanged() {
        var answers = Self.answers()
        answers.taxRates["projet.depense_eligible_ht"] = "20"
        let again = Answers(form: answers.formFields())
        #expect(again == answers)
    }
}

enum DecimalNumberLiteral {
    static func make(_ text: String) -> DecimalNumber { DecimalNumber(canonical: text)! }
}

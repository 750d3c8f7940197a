import Decisions
import Evaluator
import SchemeLanguage
import TestSupport
import Testing

/// A refusal prints the interpretations that bear on its grounds — those tied by `applies_to`
/// to a criterion it failed, to what that criterion reads, or, refused on the amount, to its
/// steps — and not those of the criteria it met; any other outcome prints every public one.
@Suite struct RefusalInterpretationTests {
    /// Two criteria, each with its interpretation; one tied to the ceiling the second criterion
    /// reads, one to the amount's step, a general one and an internal note.
    static let scheme = DemoScheme.header() + """
        inputs:
          habilite: {type: boolean, question: Habilité ?, statement: {true: Le porteur est habilité., false: Le porteur n'est pas habilité.}}
          depense: {type: money, question: Dépense ?, min: 0 €, statement: "La dépense s'élève à {value}."}
          taux_local: {type: rate, question: Taux ?, statement: "Le taux est de {value}."}
        parameters:
          plafond: {label: Plafond de la dépense, value: 40 000 €}
        eligibility:
          - {id: habilitation, label: Le porteur est habilité., failure: Le porteur n'est pas habilité., when: habilite, source: delib}
          - {id: depense-plafonnee, label: La dépense ne dépasse pas le plafond., failure: La dépense dépasse le plafond., when: depense <= plafond, source: delib}
        amount:
          steps:
            - {id: montant, label: Montant, value: depense * taux_local, wording: Montant calculé}
          result: montant
        interpretation:
          porteurs:
            audience: public
            applies_to: [habilitation]
            question: Quels porteurs sont habilités ?
            choice: Ceux que désignent les règles d'inscription.
          depense-ht:
            audience: public
            applies_to: [depense-plafonnee]
            question: La dépense s'entend-elle hors taxes ?
            choice: Oui, hors taxes.
          plafond-par-projet:
            audience: public
            applies_to: [plafond]
            question: Le plafond vaut-il par projet ?
            choice: Par projet, soit {plafond}.
          arrondi:
            audience: public
            applies_to: [montant]
            question: Comment le montant est-il arrondi ?
            choice: Au centime.
          qui-decide:
            audience: public
            question: Qui décide ?
            choice: Le Président.
          note:
            audience: internal
            applies_to: [habilitation]
            question: Que faut-il revoir ?
            choice: La liste des porteurs.
        """

    static let questions = ["Quels porteurs sont habilités ?", "La dépense s'entend-elle hors taxes ?", "Le plafond vaut-il par projet ?",
                            "Comment le montant est-il arrondi ?", "Qui décide ?", "Que faut-il revoir ?"]

    /// The questions a document prints, among the scheme's.
    static func printed(_ document: String) -> [String] {
        questions.filter { document.contains("**\($0)**") }
    }

    static func record(_ facts: String, stage: Stage = .simulation) throws -> DecisionRecord {
        let text = """
            scheme: demo
            id: D-1
            filed: 2020-10-01
            applicant: {name: Commune de Test}
            facts: {\(facts)}
            """
        let evaluation = try Load.evaluate(text, scheme: try Load.scheme(Self.scheme))
        let issuance = stage == .decision ? Issuance(stage: .decision, act: StageFixture.sitting) : Issuance(stage: stage)
        return DecisionRecord(evaluation, issuance: issuance)
    }

    @Test func anActRefusedOnOneCriterionPrintsItsInterpretationAndNotAnotherCriterions() throws {
        let record = try Self.record("habilite: false, depense: 10 000 €, taux_local: 50 %", stage: .decision)
        #expect(record.outcome == .unfavorable)
        #expect(record.failed.map(\.id) == ["habilitation"])
        let act = MarkdownDecision.render(record)
        #expect(act.contains("Application du texte"), "\(act)")
        #expect(Self.printed(act) == ["Quels porteurs sont habilités ?"], "\(act)")
    }

    @Test func aRefusalPrintsTheInterpretationOfAParameterItsFailedCriterionReads() throws {
        let record = try Self.record("habilite: true, depense: 50 000 €, taux_local: 50 %", stage: .decision)
        #expect(record.failed.map(\.id) == ["depense-plafonnee"])
        let act = MarkdownDecision.render(record)
        #expect(Self.printed(act) == ["La dépense s'entend-elle hors taxes ?", "Le plafond vaut-il par projet ?"], "\(act)")
        #expect(act.contains("Par projet, soit 40\u{202F}000,00\u{00A0}€."), "the figures as this decision applied them")
    }

    @Test func aRefusalOnTheAmountPrintsTheInterpretationsOfItsSteps() throws {
        let record = try Self.record("habilite: true, depense: 10 000 €, taux_local: 0 %", stage: .decision)
        #expect(record.outcome == .unfavorable && record.failed.isEmpty)
        #expect(Self.printed(MarkdownDecision.render(record)) == ["Comment le montant est-il arrondi ?"])
    }

    /// The solvency fund stops paying the month the young person turns 25: filed at 24 for a
    /// first month in which they turn 25, the application meets every criterion and is refused
    /// on its amount. The reading of the age bears on it (the schedule's stop reads the maximum
    /// age); the reading of a criterion met, or of who decides, does not.
    @Test func aRefusalOnAScheduleThatStopsAtOncePrintsTheReadingOfTheAge() throws {
        let housing = HousingFixture()
        let entries = try housing.evaluate(housing.solvency(birth: "1995-11-10", months: 6))
        guard case .decided(let evaluation) = entries.first?.result else { throw Failure("not decided: \(entries.first?.diagnostics ?? [])") }
        let record = DecisionRecord(evaluation, issuance: Issuance(stage: .decision, act: StageFixture.fslAct))
        #expect(record.outcome == .unfavorable && record.failed.isEmpty)
        let questions = record.printedInterpretations.map(\.question)
        #expect(questions.contains("Que signifie « entre 18 et 24 ans révolus », et à quelle date l'apprécier ?"), "\(questions)")
        #expect(questions.contains("Le plafond de 500 € par mois porte-t-il sur le seul loyer résiduel ?"))
        #expect(!questions.contains("Comment établir que « le FSL ne peut intervenir » ?"), "a criterion met")
        #expect(!questions.contains("Qui décide des aides du fonds de solvabilisation ?"), "a general interpretation")
        #expect(MarkdownDecision.render(record).contains("**Que signifie « entre 18 et 24 ans révolus », et à quelle date l'apprécier ?**"))
    }

    /// The simulation and the fiche print the same selection as the act after a refusal.
    @Test func theMarkdownDecisionOfARefusalPrintsTheSameSelection() throws {
        for stage in [Stage.simulation, .instruction] {
            let markdown = MarkdownDecision.render(try Self.record("habilite: false, depense: 10 000 €, taux_local: 50 %", stage: stage))
            #expect(markdown.contains("## Interprétations retenues pour l'application du texte\n\n- **Quels porteurs sont habilités ?** "
                                      + "Ceux que désignent les règles d'inscription.\n\n"), "\(markdown)")
            #expect(Self.printed(markdown) == ["Quels porteurs sont habilités ?"], "\(stage)")
        }
    }

    /// A grant is read against the whole scheme: the simulation prints every public
    /// interpretation, and the act none.
    @Test func aGrantKeepsItsInterpretations() throws {
        let facts = "habilite: true, depense: 10 000 €, taux_local: 50 %"
        let simulation = MarkdownDecision.render(try Self.record(facts))
        #expect(Self.printed(simulation) == Array(Self.questions.dropLast()))
        let act = MarkdownDecision.render(try Self.record(facts, stage: .decision))
        #expect(try Self.record(facts, stage: .decision).outcome == .favorable)
        #expect(Self.printed(act).isEmpty && !act.contains("Application du texte"))
    }

    /// A scheme that ties none of its interpretations to anything has not said which bears on
    /// which ground: its refusals print them all, as before `applies_to`.
    @Test func aSchemeWithoutAppliesToPrintsEveryPublicInterpretationInARefusal() throws {
        let unscoped = Self.scheme.split(separator: "\n").filter { !$0.contains("applies_to:") }.joined(separator: "\n")
        let text = """
            scheme: demo
            id: D-1
            filed: 2020-10-01
            applicant: {name: Commune de Test}
            facts: {habilite: false, depense: 10 000 €, taux_local: 50 %}
            """
        let evaluation = try Load.evaluate(text, scheme: try Load.scheme(unscoped))
        let act = MarkdownDecision.render(DecisionRecord(evaluation, issuance: Issuance(stage: .decision, act: StageFixture.sitting)))
        #expect(Self.printed(act) == Array(Self.questions.dropLast()), "\(act)")
    }
}

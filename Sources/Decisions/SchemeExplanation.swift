import Documents
import ExactDecimal
import SchemeLanguage

/// A scheme as a French document, for the people who check the rules against the text.
public enum SchemeExplanation {
    public static func render(_ scheme: Scheme) -> String {
        var text = MarkdownText()
        text.heading(scheme.title, level: 1)
        text.line("Dispositif `\(scheme.id)` : \(scheme.kind.frenchName), \(scheme.authority.name).")
        text.blank()
        if let decidedBy = scheme.decidedBy {
            let source = decidedBy.source.flatMap(scheme.source).map { " (\(Citations.citation($0)))" } ?? ""
            text.line("Décide des demandes : \(BodyName(decidedBy.body, authority: scheme.authority).bare)\(source).")
            text.blank()
        }
        sources(scheme, into: &text)
        inputs(scheme, into: &text)
        parameters(scheme, into: &text)
        criteria(scheme, into: &text)
        schedule(scheme, into: &text)
        amount(scheme, into: &text)
        selection(scheme, into: &text)
        interpretations(scheme, into: &text)
        tests(scheme, into: &text)
        text.line("---")
        text.blank()
        text.line("Règles : \(Citations.baseName(scheme.file)), empreinte SHA-256 `\(scheme.rulesHash)`.")
        return text.result
    }

    private static func sources(_ scheme: Scheme, into text: inout MarkdownText) {
        text.heading("Textes de référence")
        for source in scheme.sources {
            text.line("- **\(source.id)** : \(Citations.citation(source))")
            if source.context { text.line("  - Texte de contexte : il décrit les règles et peut être cité, mais ne fonde pas les décisions (aucun « Vu »).") }
            if let quote = source.quote { text.line("  > « \(quote) »") }
            if let summary = source.summary { text.line("  - En substance (paraphrase, non citée entre guillemets) : \(FrenchGrammar.phrase(summary))") }
        }
        text.blank()
    }

    private static func inputs(_ scheme: Scheme, into text: inout MarkdownText) {
        text.heading("Informations demandées")
        text.table(["Information", "Question", "À écrire dans la demande", "Pièce justificative", "Confirmée par l'instructeur"],
                   scheme.inputs.filter { $0.planFigure == nil }.map { input in
            var question = input.question
            if let help = input.help { question += " (\(help))" }
            let piece = input.piece.flatMap { scheme.piece($0)?.label } ?? "—"
            return ["`\(input.id)`", question, typeName(input.type), piece, input.confirm ? "oui" : "non"]
        })
        guard let plan = scheme.financingPlan else { return }
        let figures = scheme.inputs.filter { $0.planFigure != nil }.map { "`\($0.id)`" }.joined(separator: ", ")
        text.line("**Plan de financement.** La demande peut joindre son plan de financement (`financing_plan` : dépenses HT et TTC, "
                  + "ressources par financeur et par nature) ; les lignes « \(plan.funder.label) » sont l'aide demandée au dispositif. "
                  + "Les règles en lisent les chiffres, jamais écrits dans la demande : \(figures).")
        text.blank()
    }

    private static func parameters(_ scheme: Scheme, into text: inout MarkdownText) {
        guard !scheme.parameters.isEmpty else { return }
        text.heading("Paramètres")
        text.table(["Paramètre", "Libellé", "Valeur", "Source"], scheme.parameters.map { parameter in
            let source = parameter.source.flatMap(scheme.source).map(Citations.citation) ?? "—"
            return ["`\(parameter.id)`", parameter.label, FrenchFormat.versions(of: parameter) + chosenOn(parameter), source]
        })
    }

    /// Which day picks a dated parameter's version: the decision date, unless its `date` says.
    static func chosenOn(_ parameter: Parameter) -> String {
        guard parameter.versions.count > 1 else { return "" }
        return parameter.dateFormula.map { " (version retenue selon `\($0)`)" } ?? " (version en vigueur à la date de la décision)"
    }

    private static func criteria(_ scheme: Scheme, into text: inout MarkdownText) {
        text.heading("Critères d'éligibilité")
        for (position, criterion) in scheme.criteria.enumerated() {
            text.line("\(position + 1). **\(ParameterText.fillLatest(criterion.label, of: scheme))**")
            if let applies = criterion.applicabilityFormula { text.line("   - S'applique lorsque : `\(applies)`") }
            text.line("   - Condition : \(criterion.formula.map { "`\($0)`" } ?? "appréciée par l'instructeur")")
            text.line("   - Motif en cas de rejet : \(ParameterText.fillLatest(criterion.failure, of: scheme))")
            if let source = criterion.source.flatMap(scheme.source) { text.line("   - Texte : \(Citations.citation(source))") }
        }
        text.blank()
    }

    private static func schedule(_ scheme: Scheme, into text: inout MarkdownText) {
        guard let schedule = scheme.schedule else { return }
        text.heading("Échéancier mensuel")
        let limit = schedule.maxMonths == nil ? "" : ", dans la limite de la durée maximale"
        text.line("Chaque mois, à partir du premier mois demandé et pour le nombre de mois demandé\(limit), l'aide du mois est calculée ainsi (arrondie comme le montant) :")
        text.blank()
        text.table(["Étape", "Libellé", "Règle"], schedule.steps.map { ["`\($0.id)`", $0.label, "`\($0.formula)`"] })
        if let reason = schedule.stopReason { text.line("Les versements cessent au premier mois où : \(reason)") }
        text.blank()
    }

    private static func amount(_ scheme: Scheme, into text: inout MarkdownText) {
        guard let amount = scheme.amount else { return }
        text.heading("Calcul du montant")
        text.table(["Étape", "Libellé", "Règle"], amount.steps.map { ["`\($0.id)`", $0.label, "`\($0.formula)`"] })
        text.line("Le montant de l'aide est l'étape `\(amount.steps[amount.result].id)`. \(FrenchFormat.rounding(amount.rounding)).")
        text.blank()
    }

    private static func selection(_ scheme: Scheme, into text: inout MarkdownText) {
        text.section("Sélection", bullets: selectionLines(scheme))
    }

    /// How a call ranks and retains its candidates, one sentence each; none for an aid.
    static func selectionLines(_ scheme: Scheme) -> [String] {
        guard let selection = scheme.selection else { return [] }
        var lines: [String] = []
        if let laureates = selection.laureates { lines.append("\(laureates) lauréats au plus.") }
        if case .enumeration(let domain)? = selection.category?.type {
            for quota in selection.quotas { lines.append("Quota « \(domain.label(of: quota.category)) » : \(quota.count).") }
        }
        if selection.envelope != nil { lines.append("Les aides retenues ne dépassent pas l'enveloppe de l'appel.") }
        lines += selection.ranking.map { "Classement par « \($0.label) » (\($0.descending ? "décroissant" : "croissant")) : `\($0.formula)`" }
        lines += selection.tieBreaks.map { "À égalité, « \($0.label) » (\($0.descending ? "décroissant" : "croissant")) : `\($0.formula)`" }
        lines.append("En dernier ressort, la référence du dossier ; les autres candidatures admissibles forment la liste d'attente.")
        return lines
    }

    /// Every interpretation, the internal notes marked as such, each followed by what it bears
    /// on: what decides whether a refusal prints it (`RefusalGrounds`).
    private static func interpretations(_ scheme: Scheme, into text: inout MarkdownText) {
        guard !scheme.interpretations.isEmpty else { return }
        text.heading("Interprétations")
        for interpretation in scheme.interpretations {
            let choice = ParameterText.fillLatest(interpretation.choice, of: scheme)
            let note = interpretation.audience == .internal
                ? " *(Note interne pour les auteurs des règles : jamais imprimée dans une décision.)*" : ""
            text.line("- " + MarkdownText.oneLine("**\(interpretation.question)** \(choice)\(note)"))
            text.line("  - S'applique à : \(scope(of: interpretation, in: scheme))")
        }
        text.blank()
    }

    /// « tout le dispositif », or « critère n°8 (`plafond-annuel-disponible`), limite `aides_annee` ».
    static func scope(of interpretation: Interpretation, in scheme: Scheme) -> String {
        guard !interpretation.isGeneral else { return "tout le dispositif" }
        return interpretation.appliesTo.map { target in
            switch target.kind {
            case .criterion:
                let number = scheme.criteria.firstIndex { $0.id == target.id }.map { " n°\($0 + 1)" } ?? ""
                return "critère\(number) (`\(target.id)`)"
            case .parameter: return "paramètre `\(target.id)`"
            case .limit: return "limite `\(target.id)`"
            case .step: return "étape `\(target.id)`"
            }
        }.joined(separator: ", ")
    }

    private static func tests(_ scheme: Scheme, into text: inout MarkdownText) {
        text.section("Cas de test", bullets: scheme.tests.map { testCase in
            let amount = testCase.amount?.decimal.map { ", \(FrenchFormat.money($0))" } ?? ""
            return "\(testCase.name) : \(testCase.outcome.rawValue)\(amount)"
        })
    }

    /// What to write in an application file for a value of the type: `true` or `false` for a
    /// boolean, the codes (each with its label) for a choice, the forms of amounts and dates.
    static func typeName(_ type: ValueType) -> String {
        switch type {
        case .boolean: "`true` (oui) ou `false` (non)"
        case .integer: "nombre entier (`12`, `1 200`)"
        case .number: "nombre (`2,5`)"
        case .money: "montant en euros (`60 000 €`, `12 500,50 €`)"
        case .rate: "taux (`50 %`)"
        case .date: "date `AAAA-MM-JJ`"
        case .text: "texte"
        case .enumeration(let domain): "un code parmi : " + codes(domain)
        case .set(let domain): "une liste de codes (`[code, code]`, `[]` pour aucun) parmi : " + codes(domain)
        case .list: "liste"
        }
    }

    /// « `inscrit_1` (E.S.I. inscrit au P.D.E.S.I. en 1re catégorie) ; `classe` (…) ».
    private static func codes(_ domain: EnumDomain) -> String {
        domain.values.map { "`\($0)` (\(domain.label(of: $0)))" }.joined(separator: " ; ")
    }
}

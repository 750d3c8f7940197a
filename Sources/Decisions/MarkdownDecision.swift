import Evaluator
import ExactDecimal
import SchemeLanguage

/// Writes a decision as a French Markdown document an instructor can read, check and sign.
public enum MarkdownDecision {
    public static func render(_ record: DecisionRecord) -> String {
        var text = MarkdownText()
        header(record, into: &text)
        verdict(record, into: &text)
        placement(record, into: &text)
        criteria(record, into: &text)
        limits(record, into: &text)
        record.schedule?.render(into: &text)
        amount(record, into: &text)
        switch record.outcome {
        case .unfavorable: grounds(record, into: &text)
        case .incomplete: missing(record, into: &text)
        case .toExamine: pending(record, into: &text)
        case .favorable: break
        }
        notices(record, into: &text)
        texts(record, into: &text)
        interpretations(record, into: &text)
        if record.outcome == .favorable || record.outcome == .unfavorable {
            appeal(record, into: &text)
            signature(record, into: &text)
        }
        trace(record, into: &text)
        return text.result
    }

    static func title(_ outcome: Outcome, grants: Bool = true) -> String {
        switch outcome {
        case .favorable: grants ? "Décision d'attribution d'une aide" : "Décision de recevabilité d'une candidature"
        case .unfavorable: grants ? "Décision de rejet d'une demande d'aide" : "Décision d'irrecevabilité d'une candidature"
        case .incomplete: "Demande de pièces et d'informations complémentaires"
        case .toExamine: "Fiche d'instruction : demande à instruire"
        }
    }

    private static func header(_ record: DecisionRecord, into text: inout MarkdownText) {
        let application = record.application
        text.line("# \(record.scheme.authority.name)")
        text.blank()
        text.line("## \(title(record.outcome, grants: record.scheme.amount != nil))")
        text.blank()
        text.line("**\(record.scheme.title)** (\(record.scheme.kind.frenchName))")
        text.blank()
        text.line("| | |")
        text.line("|---|---|")
        text.row(["Référence de la demande", application.id])
        let kind = application.applicant.kind.map { " (\($0))" } ?? ""
        text.row(["Demandeur", application.applicant.name + kind])
        if let address = application.applicant.address { text.row(["Adresse", address]) }
        if let subject = application.subject { text.row(["Objet", subject]) }
        text.row(["Date de dépôt", application.filed.frenchLong])
        text.blank()
        for deliberation in record.legalBasis { text.line("- Vu \(FrenchGrammar.withArticle(deliberation)) ;") }
        if record.outcome == .unfavorable {
            text.line("- Vu le code des relations entre le public et l'administration, notamment ses articles L. 211-2 et L. 211-5 ;")
        }
        for dependency in record.dependencies {
            text.line("- Vu la décision « \(dependency.outcome.rawValue) » au titre du dispositif « \(dependency.title) » ;")
        }
        text.line("- Vu la demande déposée le \(application.filed.frenchLong) \(FrenchGrammar.by(application.applicant.name)) et les pièces qui l'accompagnent.")
        text.blank()
    }

    private static func verdict(_ record: DecisionRecord, into text: inout MarkdownText) {
        let name = record.application.applicant.name
        let scheme = "« \(record.scheme.title) »"
        text.line("## Décision : \(record.outcome.rawValue)")
        text.blank()
        switch record.outcome {
        case .favorable:
            if let amount = record.amount.map(FrenchFormat.money) {
                text.line("Une aide d'un montant de **\(amount)** est accordée \(FrenchGrammar.to(name)) au titre du dispositif \(scheme).")
            } else {
                text.line("La candidature présentée \(FrenchGrammar.by(name)) (\(scheme)) est **recevable** : elle est admise à la sélection.")
            }
        case .unfavorable:
            text.line("La demande présentée \(FrenchGrammar.by(name)) au titre du dispositif \(scheme) est **rejetée**, pour les motifs de droit et de fait exposés ci-dessous.")
        case .incomplete:
            text.line("La demande présentée \(FrenchGrammar.by(name)) au titre du dispositif \(scheme) est **incomplète** : elle ne pourra être instruite qu'après production des éléments listés ci-dessous.")
        case .toExamine:
            text.line("La demande présentée \(FrenchGrammar.by(name)) au titre du dispositif \(scheme) est **transmise à l'instructeur**, qui doit se prononcer sur les points listés ci-dessous avant toute décision.")
            if let amount = record.amount {
                text.blank()
                text.line("Montant prévisionnel, sous réserve de ces vérifications : **\(FrenchFormat.money(amount))**.")
            }
        }
        text.blank()
    }

    static func verdictLabel(_ verdict: Verdict) -> String {
        switch verdict {
        case .satisfied: "Rempli"
        case .failed: "**Non rempli**"
        case .undetermined: "Indéterminé : élément manquant"
        case .pending: "À apprécier par l'instructeur"
        case .awaitingConfirmation: "Rempli sous réserve de confirmation"
        case .notApplicable: "Sans objet"
        }
    }

    private static func criteria(_ record: DecisionRecord, into text: inout MarkdownText) {
        text.line("## Critères d'éligibilité")
        text.blank()
        text.line("| n° | Critère | Appréciation | Faits retenus | Texte |")
        text.line("|---|---|---|---|---|")
        for row in record.criteria {
            var facts = row.facts.map { "\($0.id) : \($0.value)" }
            facts += row.missing.map { "manque : \($0)" }
            if let note = row.note { facts.append("instructeur : \(note)") }
            text.row([String(row.number), row.label, verdictLabel(row.verdict),
                      facts.isEmpty ? "—" : facts.joined(separator: " ; "), row.source.map(shortCitation) ?? "—"])
        }
        text.blank()
    }

    private static func placement(_ record: DecisionRecord, into text: inout MarkdownText) {
        guard let placement = record.placement else { return }
        text.line("## Sélection : \(placement.placement.rawValue)")
        text.blank()
        text.line(placement.reason)
        text.blank()
    }

    /// What the register says was already granted, and what the limit came to.
    private static func limits(_ record: DecisionRecord, into text: inout MarkdownText) {
        let results = record.limits
        guard !results.isEmpty else { return }
        text.line("## Décisions antérieures prises en compte")
        text.blank()
        for result in results {
            let limit = record.scheme.limits[result.index]
            let value = FrenchFormat.value(result.value, type: limit.measure.type)
            text.line("**\(limit.label)** : \(value)")
            text.blank()
            if result.entries.isEmpty {
                text.line("- Aucune décision antérieure au registre.")
            }
            for entry in result.entries {
                let amount = entry.amount.map { " : \(FrenchFormat.money($0))" } ?? ""
                let months = entry.months > 0 ? " (\(entry.months) mois)" : ""
                text.line("- Demande \(entry.applicationID), déposée le \(entry.filed.frenchLong)\(amount)\(months)")
            }
            if let source = limit.source.flatMap(record.scheme.source) { text.line("- Texte : \(citation(source))") }
            text.blank()
        }
    }

    private static func amount(_ record: DecisionRecord, into text: inout MarkdownText) {
        guard record.steps.contains(where: { $0.value != nil }), let definition = record.scheme.amount else { return }
        text.line("## Calcul du montant")
        text.blank()
        text.line("| Étape | Règle | Valeur |")
        text.line("|---|---|---|")
        for step in record.steps {
            text.row([step.label, "`\(step.formula)`", step.value ?? "non calculable"])
        }
        if let final = record.amount {
            let rounding = FrenchFormat.rounding(definition.rounding)
            text.row(["**Montant retenu**", rounding, "**\(FrenchFormat.money(final))**"])
            if let unrounded = record.unrounded, unrounded != final {
                text.blank()
                text.line("Montant avant arrondi : \(unrounded.frenchFormatted()) €.")
            }
        }
        text.blank()
    }

    private static func grounds(_ record: DecisionRecord, into text: inout MarkdownText) {
        text.line("## Motifs de la décision")
        text.blank()
        if record.failed.isEmpty, let amount = record.amount {
            text.line("Toutes les conditions d'éligibilité sont remplies, mais le montant de l'aide calculé selon les règles du dispositif est de \(FrenchFormat.money(amount)) : aucune aide ne peut être accordée.")
            text.blank()
        }
        for (position, row) in record.failed.enumerated() {
            text.line("### Motif \(position + 1) : critère n°\(row.number) non rempli")
            text.blank()
            text.line("*\(row.label)*")
            text.blank()
            if let source = row.source {
                let quote = source.quote.map { "« \($0) » " } ?? ""
                text.line("**En droit.** \(quote)(\(citation(source))).")
                text.blank()
            }
            var fact = "**En fait.** \(row.failure)"
            if !row.facts.isEmpty {
                fact += " Éléments du dossier : " + FrenchGrammar.sentenceEnd(row.facts.map { "\($0.question) — \($0.value)" }.joined(separator: " ; "))
            }
            text.line(fact)
            if let note = row.note {
                text.blank()
                text.line("Appréciation de l'instructeur : \(note)")
            }
            text.blank()
        }
    }

    private static func missing(_ record: DecisionRecord, into text: inout MarkdownText) {
        text.line("## Éléments à produire")
        text.blank()
        for (position, item) in record.missing.enumerated() {
            switch item.kind {
            case .fact:
                let help = item.help.map { " \($0)" } ?? ""
                text.line("\(position + 1). \(item.text)\(help) (information `\(item.id)`)")
            case .piece:
                text.line("\(position + 1). Pièce justificative : \(item.text) (pièce `\(item.id)`)")
            case .decision:
                text.line("\(position + 1). \(item.text), qui conditionne celle-ci, ou les éléments qu'elle demande (dispositif `\(item.id)`)")
            }
        }
        text.blank()
    }

    private static func pending(_ record: DecisionRecord, into text: inout MarkdownText) {
        let criteria = record.criteria.filter { $0.verdict == .pending }.map { row in
            "Appréciation du critère n°\(row.number) : \(row.label)"
        }
        let facts = record.awaitingConfirmation.map { fact in
            "Confirmation de la déclaration du demandeur : \(fact.question) Réponse déclarée : **\(fact.value)** (`\(fact.id)`)."
        }
        text.section("Points à instruire", bullets: criteria + facts)
    }

    private static func notices(_ record: DecisionRecord, into text: inout MarkdownText) {
        text.section("Suites de la décision", bullets: record.notices.map { notice in
            let source = notice.source.flatMap(record.scheme.source).map { " (\(citation($0)))" } ?? ""
            return "\(notice.text)\(source)"
        })
    }

    private static func texts(_ record: DecisionRecord, into text: inout MarkdownText) {
        let quoted = record.citedSources.filter { $0.quote != nil }
        guard !quoted.isEmpty else { return }
        text.line("## Textes appliqués")
        text.blank()
        for source in quoted {
            text.line("> « \(source.quote!) »")
            text.line(">")
            text.line("> — \(citation(source))")
            text.blank()
        }
    }

    private static func interpretations(_ record: DecisionRecord, into text: inout MarkdownText) {
        text.section("Interprétations retenues pour l'application du texte", bullets: interpretationBullets(record.scheme))
    }

    static func interpretationBullets(_ scheme: Scheme) -> [String] {
        scheme.interpretations.map { "**\($0.question)** \($0.choice)" }
    }

    private static func appeal(_ record: DecisionRecord, into text: inout MarkdownText) {
        let authority = record.scheme.authority
        let address = authority.courtAddress.map { " (\($0))" } ?? ""
        text.line("## Voies et délais de recours")
        text.blank()
        text.line("La présente décision peut faire l'objet, dans un délai de deux mois à compter de sa notification, d'un recours gracieux auprès \(FrenchGrammar.de(authority.signatory)) ou d'un recours contentieux devant le \(authority.court)\(address). Le tribunal administratif peut aussi être saisi par l'application « Télérecours citoyens » accessible sur le site www.telerecours.fr.")
        text.blank()
        text.line("Le recours gracieux interrompt le délai du recours contentieux, qui court à nouveau à compter de la réponse de l'administration ; le silence gardé pendant deux mois sur le recours gracieux vaut décision de rejet.")
        text.blank()
    }

    private static func signature(_ record: DecisionRecord, into text: inout MarkdownText) {
        text.line("Fait à ………………………, le ………………………")
        text.blank()
        text.line("Pour \(FrenchGrammar.lowercasedFirst(record.scheme.authority.signatory)) et par délégation,")
        text.blank()
        text.line("(signature)")
        text.blank()
    }

    private static func trace(_ record: DecisionRecord, into text: inout MarkdownText) {
        text.line("---")
        text.blank()
        text.line("Document établi par Guichet \(record.engineVersion) à partir des règles `\(record.scheme.id)` (\(baseName(record.scheme.file))).")
        text.blank()
        text.line("- Empreinte SHA-256 des règles : `\(record.scheme.rulesHash)`")
        text.line("- Empreinte SHA-256 de la demande : `\(record.inputHash)`")
    }

    static func citation(_ source: SourceReference) -> String {
        var parts = [source.citation]
        if let lines = source.lines { parts.append(lines.contains("-") ? "lignes \(lines.replacing("-", with: " à "))" : "ligne \(lines)") }
        return parts.joined(separator: ", ")
    }

    private static func shortCitation(_ source: SourceReference) -> String {
        let number = source.deliberation.firstMatch(of: /n°\s*[0-9-]+/).map { String($0.output) }
        var parts = [number.map { "Délib. \($0)" } ?? source.deliberation]
        if let article = source.article { parts.append(article) }
        if let lines = source.lines { parts.append("l. \(lines)") }
        return parts.joined(separator: ", ")
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// Accumulates Markdown lines; table cells are escaped so that no value can break a table.
struct MarkdownText {
    private(set) var result = ""

    mutating func line(_ text: String) {
        result += text
        result += "\n"
    }

    mutating func blank() { result += "\n" }

    /// A titled list, left out when it has no item.
    mutating func section(_ title: String, bullets: [String], level: Int = 2) {
        guard !bullets.isEmpty else { return }
        line(String(repeating: "#", count: level) + " \(title)")
        blank()
        for bullet in bullets { line("- \(bullet)") }
        blank()
    }

    mutating func row(_ cells: [String]) {
        let escaped = cells.map { cell in
            cell.replacing("|", with: "\\|").replacing("\n", with: " ")
        }
        line("| " + escaped.joined(separator: " | ") + " |")
    }
}

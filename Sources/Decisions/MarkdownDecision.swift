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
        text.heading(record.scheme.authority.name, level: 1)
        text.heading(title(record.outcome, grants: record.scheme.amount != nil))
        text.line("**\(record.scheme.title)** (\(record.scheme.kind.frenchName))")
        text.blank()
        let kind = application.applicant.kind.map { " (\($0))" } ?? ""
        var rows = [["Référence de la demande", application.id], ["Demandeur", application.applicant.name + kind]]
        if let address = application.applicant.address { rows.append(["Adresse", address]) }
        if let subject = application.subject { rows.append(["Objet", subject]) }
        rows.append(["Date de dépôt", application.filed.frenchLong])
        text.table(["", ""], rows)
        var visas = record.legalBasis.map { "Vu \(FrenchGrammar.withArticle($0)) ;" }
        if record.outcome == .unfavorable {
            visas.append("Vu le code des relations entre le public et l'administration, notamment ses articles L. 211-2 et L. 211-5 ;")
        }
        visas += record.dependencies.map { "Vu la décision « \($0.outcome.rawValue) » au titre du dispositif « \($0.title) » ;" }
        visas.append("Vu la demande déposée le \(application.filed.frenchLong) \(FrenchGrammar.by(application.applicant.name)) et les pièces qui l'accompagnent.")
        text.list(visas)
    }

    private static func verdict(_ record: DecisionRecord, into text: inout MarkdownText) {
        let name = record.application.applicant.name
        let scheme = "« \(record.scheme.title) »"
        text.heading("Décision : \(record.outcome.rawValue)")
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
        text.heading("Critères d'éligibilité")
        text.table(["n°", "Critère", "Appréciation", "Faits retenus", "Texte"], record.criteria.map { row in
            var facts = row.facts.map { "\($0.id) : \($0.value)" }
            facts += row.missing.map { "manque : \($0)" }
            if let note = row.note { facts.append("instructeur : \(note)") }
            return [String(row.number), row.label, verdictLabel(row.verdict),
                    facts.isEmpty ? "—" : facts.joined(separator: " ; "), row.source.map(shortCitation) ?? "—"]
        })
    }

    private static func placement(_ record: DecisionRecord, into text: inout MarkdownText) {
        guard let placement = record.placement else { return }
        text.heading("Sélection : \(placement.placement.rawValue)")
        text.line(placement.reason)
        text.blank()
    }

    /// What the register says was already granted, and what the limit came to.
    private static func limits(_ record: DecisionRecord, into text: inout MarkdownText) {
        let results = record.limits
        guard !results.isEmpty else { return }
        text.heading("Décisions antérieures prises en compte")
        for result in results {
            let limit = record.scheme.limits[result.index]
            let value = FrenchFormat.value(result.value, type: limit.measure.type)
            text.line("**\(limit.label)** : \(value)")
            text.blank()
            var items = result.entries.map { entry in
                let amount = entry.amount.map { " : \(FrenchFormat.money($0))" } ?? ""
                let months = entry.months > 0 ? " (\(entry.months) mois)" : ""
                return "Demande \(entry.applicationID), déposée le \(entry.filed.frenchLong)\(amount)\(months)"
            }
            if items.isEmpty { items.append("Aucune décision antérieure au registre.") }
            if let source = limit.source.flatMap(record.scheme.source) { items.append("Texte : \(citation(source))") }
            text.list(items)
        }
    }

    private static func amount(_ record: DecisionRecord, into text: inout MarkdownText) {
        guard record.steps.contains(where: { $0.value != nil }), let definition = record.scheme.amount else { return }
        text.heading("Calcul du montant")
        var rows = record.steps.map { step in [step.label, "`\(step.formula)`", step.value ?? "non calculable"] }
        if let final = record.amount {
            rows.append(["**Montant retenu**", FrenchFormat.rounding(definition.rounding), "**\(FrenchFormat.money(final))**"])
        }
        text.table(["Étape", "Règle", "Valeur"], rows)
        if let final = record.amount, let unrounded = record.unrounded, unrounded != final {
            text.line("Montant avant arrondi : \(FrenchFormat.money(unrounded)).")
            text.blank()
        }
    }

    private static func grounds(_ record: DecisionRecord, into text: inout MarkdownText) {
        text.heading("Motifs de la décision")
        if record.failed.isEmpty, let amount = record.amount {
            text.line("Toutes les conditions d'éligibilité sont remplies, mais le montant de l'aide calculé selon les règles du dispositif est de \(FrenchFormat.money(amount)) : aucune aide ne peut être accordée.")
            text.blank()
        }
        for (position, row) in record.failed.enumerated() {
            text.heading("Motif \(position + 1) : critère n°\(row.number) non rempli", level: 3)
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
        text.heading("Éléments à produire")
        text.numbered(record.missing.map { item in
            switch item.kind {
            case .fact: "\(item.text)\(item.help.map { " \($0)" } ?? "") (information `\(item.id)`)"
            case .piece: "Pièce justificative : \(item.text) (pièce `\(item.id)`)"
            case .decision: "\(item.text), qui conditionne celle-ci, ou les éléments qu'elle demande (dispositif `\(item.id)`)"
            }
        })
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
        text.heading("Textes appliqués")
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
        text.heading("Voies et délais de recours")
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

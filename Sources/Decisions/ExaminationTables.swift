import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// The examination of an application as tables, the same in the instructor's fiche (Markdown)
/// and in the annex of an act (every format): each criterion with its verdict, the facts it
/// rests on and its text; the amount step by step.
enum ExaminationTables {
    static func verdict(_ verdict: Verdict) -> Text {
        switch verdict {
        case .satisfied: "Rempli"
        case .failed: .strong("Non rempli")
        case .undetermined: "Indéterminé : élément manquant"
        case .pending: "À apprécier par l'instructeur"
        case .awaitingConfirmation: "Rempli sous réserve de confirmation"
        case .notApplicable: "Sans objet"
        }
    }

    /// `forAct`: the text cited without the lines of the compiled text the rules quote from,
    /// which mean nothing to the applicant (the fiche keeps them for the instructor).
    static func criteria(_ record: DecisionRecord, forAct: Bool = false) -> Table {
        Table(header: criteriaHeader, rows: record.criteria.map { row in
            var facts = row.facts.map(\.statement)
            facts += row.missing.map { "Élément manquant : \($0)" }
            if let note = row.note { facts.append("Appréciation de l'instructeur : \(FrenchGrammar.sentenceEnd(note))") }
            // One fact is its own statement: no joined copy of it.
            let stated: String
            if facts.count == 1 { stated = facts[0] } else { stated = facts.isEmpty ? "—" : facts.joined(separator: " ") }
            return [Text(String(row.number)), Text(row.label), verdict(row.verdict), Text(stated), Text(forAct ? row.actCitation : row.shortCitation)]
        }, widths: [4, 30, 12, 36, 18])
    }

    /// The criteria table's header: the same texts in every document, made once.
    private static let criteriaHeader: [Text] = ["n°", "Critère", "Appréciation", "Faits retenus", "Texte"]

    /// The amount step by step, then the amount retained; when the competent body decided
    /// another amount, the amount computed and the amount it decided, each named as such: an
    /// amendment is never shown as a rounding. Nil when no step was computed.
    static func amount(_ record: DecisionRecord) -> Table? {
        guard record.steps.contains(where: { $0.value != nil }), let definition = record.scheme.amount else { return nil }
        var rows: [[Text]] = record.steps.map { step in [Text(step.label), Text(step.wording ?? "—"), Text(step.value ?? "non calculable")] }
        let rounding = Text(record.wording.rounding ?? FrenchFormat.rounding(definition.rounding))
        let amended = record.amount != record.computedAmount
        if let computed = record.computedAmountText {
            rows.append(amended ? ["Montant calculé", rounding, Text(computed)] : [.strong("Montant retenu"), rounding, .strong(computed)])
        }
        if amended, let decided = record.amountText {
            let body = record.actingBody
            let who = body.map { "\($0.body.votes ? "voté" : "décidé") par \($0.name)" } ?? "décidé par l'autorité compétente"
            rows.append([.strong("Montant \(who)"), "—", .strong(decided)])
        }
        return Table(header: ["Étape", "Calcul", "Montant"], rows: rows, widths: [26, 56, 18])
    }

    /// « Montant avant arrondi : … », when rounding changed the amount.
    static func beforeRounding(_ record: DecisionRecord) -> String? {
        guard let computed = record.computedAmount, let unrounded = record.unrounded, unrounded != computed else { return nil }
        let amended = record.amount != record.computedAmount
        return "Montant \(amended ? "calculé " : "")avant arrondi : \(FrenchFormat.money(unrounded))."
    }

    /// The decisions a limit read from the register, and what the limit came to: a title line,
    /// then its items.
    static func limits(_ record: DecisionRecord, forAct: Bool = false) -> [(title: Text, items: [Text])] {
        record.limits.map { result in
            let limit = record.scheme.limits[result.index]
            let value = FrenchFormat.value(result.value, type: limit.measure.type)
            var items = result.entries.map { entry -> Text in
                let amount = entry.amount.map { " : \(FrenchFormat.money($0))" } ?? ""
                let months = entry.months > 0 ? " (\(entry.months) mois)" : ""
                return Text("Demande \(entry.applicationID), déposée le \(entry.filed.frenchLong)\(amount)\(months)")
            }
            if items.isEmpty {
                items.append(Text(record.issuance.registerRead ? "Aucune décision antérieure au registre."
                    : "Aucun registre des décisions n'a été consulté : les aides déjà attribuées ne sont pas comptées, et le montant réel peut être moindre."))
            }
            let citation = forAct ? limit.source.flatMap(record.scheme.source).map(\.citation) : limit.source.flatMap(record.wording.citation(id:))
            if let citation { items.append(Text("Texte : \(citation)")) }
            return (.strong(record.filled(limit.label)) + " : \(value)", items)
        }
    }

    /// What is missing, one item each: a fact with its help, a piece, another scheme's decision.
    static func missingItems(_ record: DecisionRecord, withIDs: Bool) -> [String] {
        record.missing.map { item in
            let id = { (kind: String) in withIDs ? " (\(kind) `\(item.id)`)" : "" }
            switch item.kind {
            case .fact: return "\(item.text)\(item.help.map { " \($0)" } ?? "")\(id("information"))"
            case .piece: return "Pièce justificative : \(item.text)\(id("pièce"))"
            case .decision: return "\(item.text), qui conditionne celle-ci, ou les éléments qu'elle demande\(id("dispositif"))"
            }
        }
    }
}

import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// The notice of an allocation (`kind: allocation`): what the authority allocates to one of its
/// establishments, part by part, each with its text, then every step of the computation. No
/// one applied: it has no criteria, no outcome to state and no routes for an applicant; a
/// simulation says at its top and at its end that it is not the notice.
enum MarkdownAllocation {
    static func render(_ record: DecisionRecord, into text: inout MarkdownText) {
        MarkdownDecision.banner(record, into: &text)
        heading(record, into: &text)
        text.list(MarkdownDecision.references(record))
        verdict(record, into: &text)
        if record.outcome == .incomplete {
            text.heading("Données à compléter")
            text.numbered(ExaminationTables.missingItems(record, withIDs: record.document == .instructionFiche))
        }
        parts(record, into: &text)
        if let table = ExaminationTables.amount(record) {
            text.heading("Calcul, étape par étape")
            MarkdownDecision.table(table, into: &text)
        }
        text.section("Points d'attention", bullets: negativeParts(record) + MarkdownDecision.noticeItems(record) + fictitious(record))
        MarkdownDecision.texts(record, into: &text)
        if record.document == .instructionFiche { MarkdownDecision.technicalAnnex(record, into: &text) }
    }

    /// The authority, the title, and the establishment's table.
    private static func heading(_ record: DecisionRecord, into text: inout MarkdownText) {
        let application = record.application
        text.heading(record.scheme.authority.name, level: 1)
        text.heading(record.documentTitle)
        text.line("**\(record.scheme.title)** (\(record.scheme.kind.frenchName))")
        text.blank()
        var rows = [["Établissement", application.applicant.name], ["Référence", application.id]]
        if let address = application.applicant.address { rows.append(["Adresse", address]) }
        if let subject = application.subject { rows.append(["Objet", subject]) }
        rows.append(["Données arrêtées le", application.filed.frenchLong])
        if let date = record.issuance.referenceDate { rows.append(["Règles appliquées à la date du", date.frenchLong]) }
        text.table(["", ""], rows)
    }

    private static func verdict(_ record: DecisionRecord, into text: inout MarkdownText) {
        let name = "l'établissement « \(record.application.applicant.name) »"
        let simulation = record.document == .simulation
        // Nothing is notified before the vote: the fiche states what is computed.
        text.heading(simulation ? "Résultat de la simulation" : "Dotations calculées")
        if record.outcome == .incomplete || record.amount == nil {
            text.line("Les données de la fiche ne permettent pas de calculer les dotations \(FrenchGrammar.de(name)) : les éléments listés ci-dessous manquent.")
        } else if let amount = record.amount.map(FrenchFormat.money) {
            let basis = record.legalBasis.first.map { "En application \(FrenchGrammar.de(FrenchGrammar.withArticle($0))), l" } ?? "L"
            text.line(simulation
                ? "Au vu des données de la fiche, les dotations \(FrenchGrammar.de(name)) s'élèveraient à **\(amount)**, réparties comme suit."
                : "\(basis)es dotations \(FrenchGrammar.de(name)) s'élèvent à **\(amount)**, réparties comme suit.")
        }
        text.blank()
    }

    /// A part below zero: the rules say how it is computed, not how it is settled; a person
    /// examines it before any notice.
    static func negativeParts(_ record: DecisionRecord) -> [String] {
        guard let definition = record.scheme.amount else { return [] }
        return definition.partIndices.compactMap { index in
            guard let canonical = record.steps[index].canonical,
                  let value = DecimalNumber(canonical: canonical), value < .zero else { return nil }
            return "La part « \(record.steps[index].label) » est négative (\(record.steps[index].value ?? "")) : le texte ne dit pas comment ce montant est réglé ; le service l'examine avant toute notification."
        }
    }

    /// The parameters applied at a value made up for trials (`fictitious: true`), named.
    static func fictitious(_ record: DecisionRecord) -> [String] {
        let date = record.issuance.referenceDate ?? record.application.filed
        let made = record.scheme.parameters.compactMap { parameter -> String? in
            guard parameter.isFictitious(on: date), let version = parameter.version(on: date) else { return nil }
            return "\(FrenchGrammar.lowercasedFirst(parameter.label)) : \(FrenchFormat.value(version.value, type: parameter.type))"
        }
        guard !made.isEmpty else { return [] }
        return ["Valeurs fictives, pour les essais, des paramètres que le texte ne chiffre pas — \(made.joined(separator: " ; ")). Ce calcul ne peut être notifié."]
    }

    /// The parts of the allocation (`part: true`), each with its amount and its text.
    private static func parts(_ record: DecisionRecord, into text: inout MarkdownText) {
        let table = partsTable(record)
        guard !table.rows.isEmpty else { return }
        text.heading("Dotations, part par part")
        MarkdownDecision.table(table, into: &text)
    }

    /// Each part's label, amount and the text it comes from; the total last, in bold.
    /// `summary`: only the parts the total reads, which add up to it.
    static func partsTable(_ record: DecisionRecord, summary: Bool = false) -> Table {
        guard let definition = record.scheme.amount else { return Table(header: [], rows: []) }
        var rows: [[Text]] = []
        let read = Set(definition.steps[definition.result].expression.stepIndices)
        for index in definition.partIndices where !summary || read.contains(index) {
            let source = definition.steps[index].source.flatMap(record.wording.citation(id:)) ?? "—"
            rows.append([Text(record.steps[index].label), Text(record.steps[index].value ?? "non calculable"), Text(source)])
        }
        if let amount = record.amount {
            rows.append([.strong(record.steps[definition.result].label), .strong(FrenchFormat.money(amount)), "—"])
        }
        return Table(header: ["Part", "Montant", "Texte"], rows: rows, widths: [40, 18, 42])
    }
}

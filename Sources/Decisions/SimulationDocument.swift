import Documents
import Evaluator
import SchemeLanguage

/// A simulation as a `Document`, to render as a self-contained HTML page (`HTMLRendering`): the
/// same sections, in the same order and the same words, as its Markdown (`MarkdownSimulation`),
/// which `guichet evaluate` writes. It says at its top and at its end that it is not a decision.
public enum SimulationDocument {
    /// The simulation of `record`, whose stage must be `.simulation`; nil for any other stage,
    /// whose documents are the fiche or the act.
    public static func make(_ record: DecisionRecord) -> Document? {
        guard record.document == .simulation, let notice = record.stageNotice else { return nil }
        var blocks: [Block] = [.notice(.strong(notice + "."))]
        blocks.append(.heading(Text(record.scheme.authority.name), level: 1))
        blocks.append(.heading(Text(record.documentTitle), level: 2))
        blocks.append(.paragraph(.strong(record.scheme.title) + " (\(record.scheme.kind.frenchName))"))
        blocks.append(.fields(heading(record)))
        blocks.append(.list(MarkdownDecision.references(record).map { Text($0) }))
        blocks.append(.heading("Résultat de la simulation", level: 2))
        blocks += SimulationVerdict.paragraphs(record).map { .paragraph($0) }
        if let placement = record.placement {
            blocks.append(.heading(Text("Sélection : \(placement.placement.rawValue)"), level: 2))
            blocks.append(.paragraph(Text(placement.reason)))
        }
        blocks += examination(record)
        if let table = FinancingPlanSection.table(record) {
            blocks.append(.heading(Text(FinancingPlanSection.title), level: 2))
            blocks.append(.table(table))
            blocks += FinancingPlanSection.paragraphs(record).map { .paragraph(Text($0)) }
        }
        switch record.outcome {
        case .unfavorable: blocks += failedCriteria(record)
        case .incomplete:
            blocks.append(.heading("Éléments à produire", level: 2))
            blocks.append(.numbered(ExaminationTables.missingItems(record, withIDs: false).map { Text($0) }))
        case .toExamine: blocks += section("Points que l'instructeur devra apprécier", MarkdownDecision.pendingItems(record))
        case .favorable: break
        }
        let noticesTitle = record.outcome == .unfavorable ? "Orientation" : "Suites prévues par le dispositif en cas d'attribution"
        blocks += section(noticesTitle, MarkdownDecision.noticeItems(record))
        blocks += texts(record)
        blocks += ActParts.mention(record.mention("traitement-algorithmique"))
        blocks.append(.separator)
        blocks.append(.paragraph(.strong(notice + "."), role: .small))
        blocks.append(.paragraph(Text("Document établi par Guichet \(record.engineVersion) à partir des règles « \(record.scheme.id) » (fichier \(Citations.baseName(record.scheme.file))). Empreinte SHA-256 des règles : \(record.scheme.rulesHash) ; de la demande : \(record.inputHash)."), role: .small))
        return Document(title: record.documentTitle, blocks: blocks)
    }

    private static func heading(_ record: DecisionRecord) -> [Field] {
        let application = record.application
        let kind = application.applicant.kind.map { " (\($0))" } ?? ""
        var fields = [Field("Référence de la demande", Text(application.id)), Field("Demandeur", Text(application.applicant.name + kind))]
        if let address = application.applicant.address { fields.append(Field("Adresse", Text(address))) }
        if let subject = application.subject { fields.append(Field("Objet", Text(subject))) }
        fields.append(Field("Date de dépôt", Text(application.filed.frenchLong)))
        if let date = record.issuance.referenceDate { fields.append(Field("Règles appliquées à la date du", Text(date.frenchLong))) }
        return fields
    }

    /// The criteria, the limits read, the months paid and the amount step by step.
    private static func examination(_ record: DecisionRecord) -> [Block] {
        var blocks: [Block] = [.heading("Critères d'éligibilité", level: 2), .table(ExaminationTables.criteria(record))]
        let limits = ExaminationTables.limits(record)
        if !limits.isEmpty {
            blocks.append(.heading("Décisions antérieures prises en compte", level: 2))
            for limit in limits { blocks += [.paragraph(limit.title), .list(limit.items)] }
        }
        if let schedule = record.schedule {
            blocks += [.heading("Échéancier mensuel", level: 2), .table(schedule.table), .list(schedule.notes.map { Text($0) })]
        }
        if let amount = ExaminationTables.amount(record) {
            blocks += [.heading("Calcul du montant", level: 2), .table(amount)]
            if let line = ExaminationTables.beforeRounding(record) { blocks.append(.paragraph(Text(line))) }
        }
        return blocks
    }

    /// Each condition that seems unmet, in law and in fact, worded conditionally.
    private static func failedCriteria(_ record: DecisionRecord) -> [Block] {
        var blocks: [Block] = [.heading("Conditions qui ne paraissent pas remplies", level: 2)]
        if record.failed.isEmpty, let amount = record.amount {
            blocks.append(.paragraph(Text("Toutes les conditions d'éligibilité sont remplies, mais le montant de l'aide calculé selon les règles du dispositif serait de \(FrenchFormat.money(amount)) : aucune aide ne pourrait être accordée.")))
        }
        for (position, row) in record.failed.enumerated() {
            blocks.append(.heading(Text("Condition \(position + 1) : critère n°\(row.number) non rempli"), level: 3))
            blocks.append(.paragraph(.emphasis(row.label)))
            if let source = row.source {
                let passage = MarkdownDecision.passage(source).map { "\($0) " } ?? ""
                blocks.append(.paragraph(.strong("En droit.") + " \(passage)(\(record.wording.citation(source)))."))
            }
            var fact = row.failure
            if !row.facts.isEmpty { fact += MarkdownDecision.established(row.facts.map(\.statement), besides: row.failure) }
            blocks.append(.paragraph(.strong("En fait.") + " " + fact))
            if let note = row.note { blocks.append(.paragraph(Text("Appréciation de l'instructeur : \(note)"))) }
        }
        return blocks
    }

    /// The texts applied, each quote as a quotation and each summary as plain text; then the
    /// interpretations this simulation prints.
    private static func texts(_ record: DecisionRecord) -> [Block] {
        var blocks: [Block] = []
        let cited = record.citedSources.filter { $0.quote != nil || $0.summary != nil }
        if !cited.isEmpty {
            blocks.append(.heading("Textes appliqués", level: 2))
            for source in cited {
                if let quote = source.quote { blocks.append(.quotation(Text(quote), source: Text(Citations.citation(source)))) }
                if let summary = source.summary {
                    let where_ = source.quote == nil ? " (\(Citations.citation(source)))" : ""
                    blocks.append(.paragraph(Text("En substance\(where_) : \(FrenchGrammar.phrase(summary))")))
                }
            }
        }
        blocks += section("Interprétations retenues pour l'application du texte", record.printedInterpretations.map { interpretation in
            .strong(interpretation.question) + " " + record.filled(interpretation.choice)
        })
        return blocks
    }

    private static func section(_ title: String, _ items: [Text]) -> [Block] {
        items.isEmpty ? [] : [.heading(Text(title), level: 2), .list(items)]
    }

    private static func section(_ title: String, _ items: [String]) -> [Block] {
        section(title, items.map { Text($0) })
    }
}

extension SimulationDocument {
    /// What a simulation concludes, paragraph by paragraph, the amount set off: what its
    /// Markdown and its HTML say under « Résultat de la simulation ».
    public static func verdict(_ record: DecisionRecord) -> [Text] { SimulationVerdict.paragraphs(record) }
}

extension Verdict {
    /// As the criteria tables of every document say it: « Rempli », « Non rempli »…
    public var frenchLabel: String { ExaminationTables.verdict(self).plain }
}

import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// Writes a decision record as a French Markdown document worded for its stage: a simulation,
/// an instructor's fiche, or — rendered from its `Document` (`Acts/`) — a request for pieces or
/// the act of the competent body (`DecisionRecord.document`). The blocks of the first two live in
/// their own files (`MarkdownSimulation`, `MarkdownInstruction`); the sections they share are here.
public enum MarkdownDecision {
    public static func render(_ record: DecisionRecord) -> String {
        String(decoding: utf8(record), as: UTF8.self)
    }

    /// The same document in UTF-8, as a batch writes it to its file.
    public static func utf8(_ record: DecisionRecord) -> [UInt8] {
        // A decision takes 10 to 30 KB: room for most, so that it is not copied as it grows.
        if let sent = record.sentDocument { return MarkdownRendering.utf8(sent) }
        var text = MarkdownText(capacity: 32_768)
        if record.scheme.kind == .allocation {
            MarkdownAllocation.render(record, into: &text)
            trace(record, into: &text)
            return text.utf8
        }
        switch record.document {
        case .simulation: MarkdownSimulation.render(record, into: &text)
        case .instructionFiche: MarkdownInstruction.fiche(record, into: &text)
        case .requestForPieces, .act: break
        }
        trace(record, into: &text)
        return text.utf8
    }

    // MARK: - The top of every document

    /// The stage's notice, first line of the document, so that no page can be taken for an act.
    static func banner(_ record: DecisionRecord, into text: inout MarkdownText) {
        guard let notice = record.stageNotice else { return }
        text.line("> **\(notice).**")
        text.blank()
    }

    /// The authority, the title, the scheme and the application's table (with extra rows).
    static func heading(_ record: DecisionRecord, extraRows: [[String]] = [], into text: inout MarkdownText) {
        let application = record.application
        text.heading(record.scheme.authority.name, level: 1)
        text.heading(record.documentTitle)
        text.line("**\(record.scheme.title)** (\(record.scheme.kind.frenchName))")
        text.blank()
        let kind = application.applicant.kind.map { " (\($0))" } ?? ""
        var rows = [["Référence de la demande", application.id], ["Demandeur", application.applicant.name + kind]]
        if let address = application.applicant.address { rows.append(["Adresse", address]) }
        if let subject = application.subject { rows.append(["Objet", subject]) }
        rows.append(["Date de dépôt", application.filed.frenchLong])
        text.table(["", ""], rows + extraRows)
    }

    /// The texts of the scheme and the other schemes' results, for a document that is not an
    /// act: listed as references, never as the « Vu » of a decision.
    static func references(_ record: DecisionRecord) -> [String] {
        record.legalBasis.map { "Texte du dispositif : \(FrenchGrammar.withArticle($0))" }
            + record.dependencies.map { "Dispositif lié « \($0.title) » : \($0.outcome.rawValue)" }
    }

    // MARK: - Sections shared by the stages

    /// For the instructor only, never in an act: each fact by its id in the rules and each
    /// step's formula, to check the computation against the rules.
    static func technicalAnnex(_ record: DecisionRecord, into text: inout MarkdownText) {
        var seen: Set<String> = []
        let facts = (record.criteria.flatMap(\.facts) + record.awaitingConfirmation).filter { seen.insert($0.id).inserted }
        guard !facts.isEmpty || !record.steps.isEmpty else { return }
        text.heading("Annexe technique (pour l'instructeur)")
        if !facts.isEmpty {
            text.table(["Information", "Valeur"], facts.map { ["`\($0.id)`", $0.value] })
        }
        if !record.steps.isEmpty {
            text.table(["Étape", "Formule", "Valeur"], record.steps.map { ["`\($0.id)`", "`\($0.formula)`", $0.value ?? "non calculable"] })
        }
    }

    static func verdictLabel(_ verdict: Verdict) -> String { MarkdownRendering.inline(ExaminationTables.verdict(verdict)) }

    static func criteria(_ record: DecisionRecord, title: String = "Critères d'éligibilité", into text: inout MarkdownText) {
        text.heading(title)
        table(ExaminationTables.criteria(record), into: &text)
    }

    /// A table of the examination as Markdown.
    static func table(_ table: Table, into text: inout MarkdownText) {
        text.table(table.header.map { MarkdownRendering.inline($0, at: .inline) }, table.rows.map { $0.map { MarkdownRendering.inline($0, at: .inline) } })
    }

    static func placement(_ record: DecisionRecord, into text: inout MarkdownText) {
        guard let placement = record.placement else { return }
        text.heading("Sélection : \(placement.placement.rawValue)")
        text.line(placement.reason)
        text.blank()
    }

    /// The criteria, the limits read, the months paid and the amount step by step.
    static func examination(_ record: DecisionRecord, into text: inout MarkdownText) {
        criteria(record, into: &text)
        limits(record, into: &text)
        record.schedule?.render(into: &text)
        amount(record, into: &text)
        financingPlan(record, into: &text)
    }

    /// The application's financing plan and the aid it asks, for a scheme that reads one.
    static func financingPlan(_ record: DecisionRecord, into text: inout MarkdownText) {
        guard let table = FinancingPlanSection.table(record) else { return }
        text.heading(FinancingPlanSection.title)
        Self.table(table, into: &text)
        for line in FinancingPlanSection.paragraphs(record) {
            text.line(MarkdownEscaping.escaped(line, at: .lineStart))
            text.blank()
        }
    }

    /// What the register says was already granted, and what the limit came to.
    static func limits(_ record: DecisionRecord, into text: inout MarkdownText) {
        let limits = ExaminationTables.limits(record)
        guard !limits.isEmpty else { return }
        text.heading("Décisions antérieures prises en compte")
        for limit in limits {
            text.line(MarkdownRendering.inline(limit.title))
            text.blank()
            text.list(limit.items.map(MarkdownRendering.inline))
        }
    }

    static func amount(_ record: DecisionRecord, into text: inout MarkdownText) {
        guard let table = ExaminationTables.amount(record) else { return }
        text.heading("Calcul du montant")
        Self.table(table, into: &text)
        if let line = ExaminationTables.beforeRounding(record) {
            text.line(line)
            text.blank()
        }
    }

    /// Each criterion not met, with the text (« En droit ») and the facts (« En fait »): the
    /// grounds of an act, or in a simulation (`conditional`) the conditions that seem unmet.
    static func failedCriteria(_ record: DecisionRecord, title: String, conditional: Bool = false, into text: inout MarkdownText) {
        text.heading(title)
        if record.failed.isEmpty, let amount = record.amount {
            let verb = conditional ? "serait" : "est"
            let can = conditional ? "ne pourrait" : "ne peut"
            text.line("Toutes les conditions d'éligibilité sont remplies, mais le montant de l'aide calculé selon les règles du dispositif \(verb) de \(FrenchFormat.money(amount)) : aucune aide \(can) être accordée.")
            text.blank()
        }
        for (position, row) in record.failed.enumerated() {
            text.heading("\(conditional ? "Condition" : "Motif") \(position + 1) : critère n°\(row.number) non rempli", level: 3)
            text.line("*\(row.label)*")
            text.blank()
            if let source = row.source {
                let passage = passage(source).map { "\($0) " } ?? ""
                text.line("**En droit.** \(passage)(\(record.wording.citation(source))).")
                text.blank()
            }
            var fact = "**En fait.** \(row.failure)"
            if !row.facts.isEmpty {
                fact += established(row.facts.map(\.statement), besides: row.failure)
            }
            text.line(fact)
            if let note = row.note {
                text.blank()
                text.line("Appréciation de l'instructeur : \(note)")
            }
            text.blank()
        }
    }

    /// The facts a ground rests on, after it: « Il ressort du dossier que … et que … », leaving
    /// out a statement that is the ground itself.
    static func established(_ statements: [String], besides ground: String) -> String {
        guard let series = FrenchGrammar.thatSeries(statements, besides: ground) else { return "" }
        return " Il ressort du dossier " + FrenchGrammar.sentenceEnd(series)
    }

    /// What is missing; `withIDs` for the instructor's fiche, which names each by its id in the
    /// rules (a letter to the applicant never does).
    static func missing(_ record: DecisionRecord, withIDs: Bool = false, into text: inout MarkdownText) {
        text.heading("Éléments à produire")
        text.numbered(ExaminationTables.missingItems(record, withIDs: withIDs))
    }


    /// The criteria an instructor must appreciate and the declarations to confirm.
    static func pending(_ record: DecisionRecord, title: String = "Points à instruire", withIDs: Bool = false, into text: inout MarkdownText) {
        text.section(title, bullets: pendingItems(record, withIDs: withIDs))
    }

    /// The items of `pending`, one a criterion or a declaration.
    static func pendingItems(_ record: DecisionRecord, withIDs: Bool = false) -> [String] {
        let examined = Set(record.scheme.criteria.filter(\.examineWhenUnmet).map(\.id))
        let criteria = record.criteria.filter { $0.verdict == .pending }.map { row in
            // A rule examined when unmet says what the file shows: the point is why it is not met.
            examined.contains(row.id) ? "Appréciation du critère n°\(row.number) : \(row.label) — \(FrenchGrammar.sentenceEnd(row.failure))"
                : "Appréciation du critère n°\(row.number) : \(row.label)"
        }
        let facts = record.awaitingConfirmation.map { fact in
            "Confirmation de la déclaration du demandeur : « \(fact.statement) »\(withIDs ? " (`\(fact.id)`)" : "")"
        }
        return criteria + facts
    }

    /// The notices; after a refusal they orient the applicant elsewhere, whatever the stage.
    static func notices(_ record: DecisionRecord, title: String, into text: inout MarkdownText) {
        let title = record.outcome == .unfavorable ? "Orientation" : title
        text.section(title, bullets: noticeItems(record))
    }

    /// Each notice with the citation of its source.
    static func noticeItems(_ record: DecisionRecord) -> [String] {
        record.notices.map { notice in
            let source = notice.source.flatMap(record.wording.citation(id:)).map { " (\($0))" } ?? ""
            return "\(notice.text)\(source)"
        }
    }

    /// The texts applied — each quote between « », each summary as plain text, never as a
    /// quotation — the same in every decision of a scheme, written once (`SchemeWording`);
    /// then the interpretations retained that say how the text was applied, their figures as
    /// this decision applied them: after a refusal, those that bear on its grounds
    /// (`DecisionRecord.printedInterpretations`); the notes for the authors of the rules never.
    static func texts(_ record: DecisionRecord, into text: inout MarkdownText) {
        text.append(record.wording.textsSection)
        text.section("Interprétations retenues pour l'application du texte", bullets: record.printedInterpretations.map { interpretation in
            "**\(interpretation.question)** \(record.filled(interpretation.choice))"
        })
    }

    /// The quotes and summaries among `citedSources`, under « Textes appliqués ».
    static func texts(_ citedSources: [SourceReference], into text: inout MarkdownText) {
        let cited = citedSources.filter { $0.quote != nil || $0.summary != nil }
        if !cited.isEmpty {
            text.heading("Textes appliqués")
            for source in cited {
                if let quote = source.quote {
                    text.line("> « \(quote) »")
                    text.line(">")
                    text.line("> — \(Citations.citation(source))")
                    text.blank()
                }
                summary(source, into: &text)
            }
        }
    }

    /// A passage on one line, before its citation: the quote between « », the summary as
    /// plain text introduced as such (it is not the text); without its final full stop, since
    /// the citation follows. Nil when the source gives neither.
    static func passage(_ source: SourceReference) -> String? {
        let summary = source.summary.map { FrenchGrammar.phrase($0.hasSuffix(".") ? String($0.dropLast()) : $0) }
        switch (source.quote, summary) {
        case (let quote?, let summary?): return "« \(quote) » En substance : \(summary)"
        case (let quote?, nil): return "« \(quote) »"
        case (nil, let summary?): return "En substance : \(summary)"
        case (nil, nil): return nil
        }
    }

    /// A passage and its citation as one line, for the head of a procès-verbal or a report:
    /// a quote as a quotation, a summary as plain text.
    static func citedPassage(_ source: SourceReference, into text: inout MarkdownText) {
        if let quote = source.quote {
            text.line("> « \(quote) » — \(Citations.citation(source))")
            text.blank()
        }
        summary(source, into: &text)
    }

    /// A source's summary as plain text: after its quotation, or alone with its citation.
    private static func summary(_ source: SourceReference, into text: inout MarkdownText) {
        guard let summary = source.summary else { return }
        let cited = source.quote == nil ? " (\(Citations.citation(source)))" : ""
        text.line("En substance\(cited) : \(FrenchGrammar.phrase(summary))")
        text.blank()
    }


    /// The instructing service and how to reach it, as one line; nil when the deployment does not say.
    static func serviceLine(_ deployment: Deployment) -> String? {
        guard let service = deployment.service else { return nil }
        let contact = [service.address, service.email, service.phone].compactMap { $0 }
        return contact.isEmpty ? service.name : "\(service.name) — \(contact.joined(separator: " ; "))"
    }

    private static func trace(_ record: DecisionRecord, into text: inout MarkdownText) {
        text.line("---")
        text.blank()
        if let notice = record.stageNotice {
            text.line("**\(notice).**")
            text.blank()
        }
        text.line("Document établi par Guichet \(record.engineVersion) à partir des règles « \(record.scheme.id) » (fichier \(Citations.baseName(record.scheme.file))).")
        text.blank()
        text.line("- Empreinte SHA-256 des règles : \(record.scheme.rulesHash)")
        text.line("- Empreinte SHA-256 de la demande : \(record.inputHash)")
    }



}

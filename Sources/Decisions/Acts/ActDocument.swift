import Documents
import Evaluator
import ExactDecimal
import SchemeLanguage

/// The act of the competent body as a document, laid out as its kind is in French
/// administrative practice:
/// - the President's own decision: « DÉCISION n° … », the acting authority, its « Vu », its
///   « Considérant », « DÉCIDE : » and its articles, then the signature;
/// - for a body that votes (the Commission permanente), the letter notifying its deliberation
///   to the applicant, signed by the President.
///
/// Both end with the mentions the law requires (routes of appeal, algorithmic processing,
/// personal data), then the examination of the application in an annex.
enum ActDocument {
    static func make(_ record: DecisionRecord) -> Document {
        // The blocks gathered in one array, then given to the document.
        var blocks: [Block] = []
        // The filing date, as the letterhead and the « Vu » write it.
        let filed = record.application.filed.frenchLong
        if let act = record.issuance.act, act.body.votes {
            blocks += NotificationLetter.body(record, act: act)
        } else {
            presidentsDecision(record, filed: filed, into: &blocks)
        }
        blocks += ActParts.signatureBlock(record)
        blocks += orientation(record)
        blocks += ActParts.mentions(["voies-de-recours", "traitement-algorithmique", "donnees-personnelles"], of: record)
        blocks += ActAnnex.blocks(record)
        blocks += ActParts.footer(record)
        return Document(title: "\(record.documentTitle) — \(record.application.id)",
                        letterhead: ActParts.letterhead(record, references: actReferences(record), filed: filed), blocks: blocks)
    }

    /// When the act was notified, said among the references.
    private static func actReferences(_ record: DecisionRecord) -> [Field] {
        record.issuance.notifiedOn.map { [Field("Notifiée le", Text($0.frenchLong))] } ?? []
    }

    // MARK: - The President's decision

    private static func presidentsDecision(_ record: DecisionRecord, filed: String, into blocks: inout [Block]) {
        // The applicant with its article, as the act names it three times.
        let applicant = FrenchGrammar.nominal(record.application.applicant.name)
        blocks += head(record)
        for visa in ActBlocks.awardVisasAfter(record, applicant: applicant, filed: filed) { blocks.append(.paragraph(Text(visa), role: .visa)) }
        for ground in considerations(record) { blocks.append(.paragraph(ground, role: .considering)) }
        blocks.append(.paragraph("DÉCIDE :", role: .operative))
        var articles: [[Text]] = [[statement(record, applicant: applicant)]]
        if record.outcome == .favorable, !record.notices.isEmpty { articles.append(notices(record)) }
        articles.append([Text(String(sized: [ActBlocks.subject(record.issuance.act), " sera notifiée ", FrenchGrammar.to(nominal: applicant), "."]))])
        for (index, paragraphs) in articles.enumerated() {
            blocks.append(.article(label: index == 0 ? "Article 1er" : "Article \(index + 1)", paragraphs: paragraphs))
        }
    }

    /// What the head of the President's decision is made from, besides its scheme.
    private struct HeadSource: Equatable, Sendable {
        let act: DecisionAct?
        let outcome: Outcome
        let selected: Bool
        let actingBody: BodyName?

        /// Borrowing the record: it reads a few of its fields, where a copy would retain them all.
        init(_ record: borrowing DecisionRecord) {
            (act, outcome, selected, actingBody) = (record.issuance.act, record.outcome, record.selected, record.actingBody)
        }
    }

    /// The title, the acting authority and the « Vu » up to the application's own: the same in
    /// every act of a run with the same outcome (`HeadSource`), so laid out once for them. The
    /// closure takes the scheme and the run's fragments, not the record, which it would copy whole.
    private static func head(_ record: DecisionRecord) -> [Block] {
        let (scheme, fragments) = (record.scheme, record.issuance.fragments)
        return record.issuance.sharedBlocks(["tête-décision", record.outcome.rawValue], scheme: scheme, from: HeadSource(record)) { source in
            let number = source.act.map { "DÉCISION \(ActBlocks.number($0)) du \($0.date.frenchLong)" } ?? "DÉCISION (numéro et date non renseignés)"
            let subject = subjectLine(source.outcome, grants: scheme.amount != nil, selected: source.selected, scheme: scheme)
            var blocks: [Block] = [.actTitle([Text(number), Text(subject)])]
            let authority = source.actingBody?.name ?? scheme.authority.signatory
            blocks.append(.paragraph(Text(FrenchGrammar.capitalizedFirst(authority) + ","), role: .operative))
            var visas = ActBlocks.awardVisasBefore(scheme, body: source.actingBody?.body, outcome: source.outcome)
            visas += ActBlocks.schemeVisas(scheme, fragments: fragments)
            visas += [ActBlocks.deliberationVisa(source.act, authority: scheme.authority)].compactMap { $0 }
            return blocks + visas.map { .paragraph(Text($0), role: .visa) }
        }
    }

    /// « portant attribution d'une aide au titre du dispositif « … » ».
    static func subjectLine(_ record: DecisionRecord) -> String {
        subjectLine(record.outcome, grants: record.grants, selected: record.selected, scheme: record.scheme)
    }

    static func subjectLine(_ outcome: Outcome, grants: Bool, selected: Bool, scheme: Scheme) -> String {
        let scheme = "« \(scheme.title) »"
        switch (outcome, grants) {
        case (.favorable, true): return "portant attribution d'une aide au titre du dispositif \(scheme)"
        case (.favorable, false) where selected: return "retenant une candidature à l'appel \(scheme)"
        case (.favorable, false): return "déclarant recevable une candidature à l'appel \(scheme)"
        case (_, true): return "portant rejet d'une demande d'aide au titre du dispositif \(scheme)"
        case (_, false): return "déclarant irrecevable une candidature à l'appel \(scheme)"
        }
    }

    /// Why the act decides as it does: for a grant, that the conditions are met and what the
    /// amount comes to; for a refusal, each ground in law and in fact.
    static func considerations(_ record: DecisionRecord) -> [Text] {
        // Whole sentences rather than interpolated ones: the same in every act, they are then
        // constants, built for none.
        guard record.outcome == .favorable else {
            return ActParts.failedGrounds(record, style: .considering)
                + [record.grants ? "Considérant qu'il résulte de ce qui précède que la demande ne peut être accueillie ;"
                    : "Considérant qu'il résulte de ce qui précède que la candidature ne peut être accueillie ;"]
        }
        var texts: [Text] = [record.grants ? "Considérant que la demande remplit les conditions fixées par le dispositif, ainsi qu'il est exposé en annexe ;"
            : "Considérant que la candidature remplit les conditions fixées par le dispositif, ainsi qu'il est exposé en annexe ;"]
        if let placement = record.placement, record.selected {
            let rank = placement.rank.map { ", au rang \($0) du classement" } ?? ""
            texts.append(Text("Considérant que la candidature a été retenue par la sélection de l'appel\(rank) ;"))
        }
        if let computed = record.computedAmountText {
            texts.append(Text("Considérant que le montant de l'aide, calculé selon les règles du dispositif, s'élève à \(computed), ainsi qu'il est détaillé en annexe ;"))
        }
        // An article says what is decided; why the amount proposed was changed is a ground.
        if let change = ActBlocks.amountChange(record) {
            texts.append(Text("Considérant qu'il y a lieu de \(change.lowered ? "ramener" : "porter") \(change.span) le montant de l'aide qui était proposé ;"))
        }
        return texts
    }

    /// What is decided, in the words of the act itself; `applicant` is the applicant's name with
    /// its article (`FrenchGrammar.nominal`). Each sentence is laid out as its three runs at once,
    /// rather than as texts added one to the other.
    static func statement(_ record: DecisionRecord, applicant: String) -> Text {
        let scheme = "« \(record.scheme.title) »"
        switch (record.outcome, record.amountText) {
        case (.favorable, let amount?):
            let after = String(sized: [" est attribuée ", FrenchGrammar.to(nominal: applicant), " au titre du dispositif « ",
                                       record.scheme.title, " »", project(record), "."])
            return sentence("Une aide d'un montant de ", strong: amount, after)
        case (.favorable, nil) where record.selected:
            let by = FrenchGrammar.by(nominal: applicant)
            return sentence("La candidature présentée \(by) est ", strong: "retenue", " au titre de l'appel \(scheme).")
        case (.favorable, nil):
            let by = FrenchGrammar.by(nominal: applicant)
            return sentence("La candidature présentée \(by) est ", strong: "recevable", " : elle est admise à la sélection de l'appel \(scheme).")
        default:
            let what = record.grants ? "La demande présentée " : "La candidature présentée "
            let before = String(sized: [what, FrenchGrammar.by(nominal: applicant), " au titre du dispositif ", scheme, " est "])
            return sentence(before, strong: record.grants ? "rejetée" : "irrecevable", ".")
        }
    }

    /// `before`, then `strong` in bold, then `after`: the runs `before + .strong(strong) + after` gives.
    private static func sentence(_ before: String, strong: String, _ after: String) -> Text {
        Text(runs: [Text.Run(.plain, before), Text.Run(.strong, strong), Text.Run(.plain, after)])
    }

    /// « , pour le projet « … » », when a body (a commune, an association) names its project;
    /// a person's application names only the aid it asks for, which the act already says.
    static func project(_ record: DecisionRecord) -> String {
        guard record.application.applicant.beneficiaryKind != .naturalPerson else { return "" }
        return record.application.subject.map { ", pour le projet « \($0) »" } ?? ""
    }

    /// The notices of a grant (what follows it), each with its text.
    /// The text is cited inside the sentence, before its full stop, and once for notices that
    /// follow one another from the same text: at the last of them.
    static func notices(_ record: DecisionRecord) -> [Text] {
        record.notices.enumerated().map { index, notice in
            let next = record.notices.indices.contains(index + 1) ? record.notices[index + 1].source : nil
            guard let id = notice.source, id != next, let source = record.scheme.source(id) else { return Text(notice.text) }
            return Text("\(FrenchGrammar.withoutFinalStop(notice.text)) (\(FrenchGrammar.lowercasedFirst(source.citation))).")
        }
    }

    /// After a refusal, the notices that orient the applicant elsewhere.
    private static func orientation(_ record: DecisionRecord) -> [Block] {
        guard record.outcome == .unfavorable, !record.notices.isEmpty else { return [] }
        return [.mention(title: "Orientation", paragraphs: notices(record))]
    }
}

import Evaluator
import ExactDecimal
import SchemeLanguage

/// The machine-readable twin of a decision: the same content as the Markdown, as JSON.
public enum JSONDecision {
    public static func render(_ record: DecisionRecord) -> String {
        String(decoding: utf8(record), as: UTF8.self)
    }

    /// The same document in UTF-8, as a batch writes it to its file.
    public static func utf8(_ record: DecisionRecord) -> [UInt8] {
        // A decision takes 8 to 30 KB: room for most, so that it is not copied as it grows.
        var json = JSONWriter(capacity: 32_768)
        write(record, key: nil, into: &json)
        json.endLine()
        return json.bytes
    }

    /// The decision as the value of `key` inside a larger document (a service's response),
    /// indented to its place; the same content as the file.
    public static func write(_ record: DecisionRecord, key: JSONKey?, into json: inout JSONWriter) {
        json.object(key) { json in
            json.string("format", "guichet-decision/1")
            engine(record, &json)
            issuance(record, &json)
            scheme(record, &json)
            application(record, &json)
            json.string("outcome", record.outcome.rawValue)
            if let placement = record.placement {
                json.object("selection") { json in
                    json.string("placement", placement.placement.rawValue)
                    json.number("rank", placement.rank)
                    json.string("reason", placement.reason)
                }
            }
            json.string("amount", record.amount.map(FrenchFormat.moneyCanonical))
            // Only an act grants; a fiche proposes; anything else is an estimate.
            json.string("amount_status", record.amountStatus)
            criteria(record, &json)
            json.array("depends_on") { json in
                for dependency in record.dependencies {
                    json.object { json in
                        json.string("scheme", dependency.title)
                        json.string("outcome", dependency.outcome.rawValue)
                    }
                }
            }
            limits(record, &json)
            if let schedule = record.schedule { schedule.render(into: &json) }
            steps(record, &json)
            json.array("grounds") { json in
                for row in record.failed { json.string(nil, row.failure) }
                if record.outcome == .unfavorable, record.failed.isEmpty {
                    json.string(nil, "Le montant de l'aide calculé selon les règles du dispositif est nul.")
                }
            }
            missing(record, &json)
            json.array("awaiting_confirmation") { json in
                for fact in record.awaitingConfirmation { self.fact(fact, &json) }
            }
            json.array("notices") { json in
                for notice in record.notices {
                    json.object { json in
                        json.string("id", notice.id)
                        json.string("text", notice.text)
                    }
                }
            }
            mentions(record, &json)
        }
    }

    /// The mentions the law requires, as the Markdown prints them: the same words in most
    /// decisions of a run (`LegalMentions.printed` keeps them), so written once for it, as
    /// they read at the depth of a decision's own file.
    private static func mentions(_ record: DecisionRecord, _ json: inout JSONWriter) {
        let key = ["json-mentions", record.document.rawValue, record.application.applicant.beneficiaryKind?.rawValue ?? ""]
        let written = record.issuance.fragment(key, scheme: record.scheme, from: record.mentions) { mentions in
            JSONWriter.fragment(depth: 1) { json in self.mentions(mentions, key: nil, &json) }
        }
        json.fragment("mentions", written)
    }

    private static func mentions(_ mentions: [PrintedMention], key: JSONKey?, _ json: inout JSONWriter) {
        json.array(key) { json in
            for mention in mentions {
                json.object { json in
                    json.string("id", mention.id)
                    json.string("title", mention.title)
                    // `mention.text` (its paragraphs joined by a blank line), without the joined copy.
                    json.string("text", joining: mention.paragraphs, separator: "\n\n")
                    json.array("missing") { json in
                        for item in mention.missing { json.string(nil, item) }
                    }
                }
            }
        }
    }

    private static func limits(_ record: DecisionRecord, _ json: inout JSONWriter) {
        json.array("limits") { json in
            for result in record.limits {
                json.object { json in
                    let limit = record.scheme.limits[result.index]
                    json.string("id", limit.id)
                    json.string("label", record.filled(limit.label))
                    json.string("value", FrenchFormat.canonical(result.value))
                    json.array("decisions") { json in
                        for entry in result.entries {
                            json.object { json in
                                json.string("application", entry.applicationID)
                                json.string("filed", entry.filed.description)
                                json.string("amount", entry.amount.map(FrenchFormat.moneyCanonical))
                                json.number("months", entry.months)
                            }
                        }
                    }
                }
            }
        }
    }

    private static func engine(_ record: DecisionRecord, _ json: inout JSONWriter) {
        json.object("engine") { json in
            json.string("name", "guichet")
            json.string("version", record.engineVersion)
        }
    }

    /// What the JSON's `issuance` is made from: the same in every decision of a run that has
    /// the same outcome, so written once for them (`issuance(_:_:)`).
    private struct IssuanceSource: Equatable, Sendable {
        let stage: Stage
        let referenceDate: LocalDate?
        let act: DecisionAct?
        let notifiedOn: LocalDate?
        /// As written: amounts equal in value may differ in scale.
        let proposedAmount: String?
        let registerRead: Bool
        let document: DocumentKind
        let title: String
        let notice: String?
        let body: BodyName?

        /// Borrowing the record: it reads a few of its fields, where a copy would retain them all.
        init(_ record: borrowing DecisionRecord) {
            let issuance = record.issuance
            stage = issuance.stage
            referenceDate = issuance.referenceDate
            act = issuance.act
            notifiedOn = issuance.notifiedOn
            proposedAmount = issuance.proposedAmount.map(FrenchFormat.moneyCanonical)
            registerRead = issuance.registerRead
            document = record.document
            title = record.documentTitle
            notice = record.stageNotice
            let wording = record.wording
            body = issuance.act.map { wording.bodyName($0.body) }
        }

        /// The texts that may come from the application (the title, the notice) by their bytes (`ExactText`).
        static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.stage == rhs.stage && lhs.referenceDate == rhs.referenceDate && lhs.act == rhs.act && lhs.notifiedOn == rhs.notifiedOn
                && lhs.registerRead == rhs.registerRead && lhs.document == rhs.document && lhs.body == rhs.body
                && ExactText.same(lhs.proposedAmount, rhs.proposedAmount) && ExactText.same(lhs.title, rhs.title)
                && ExactText.same(lhs.notice, rhs.notice)
        }
    }

    /// The stage, what the document is, and what the stage adds: the act, its dates, the
    /// amount proposed before the vote. Written once for every decision of a run with an equal
    /// `IssuanceSource`, as it reads at the depth of a decision's own file.
    private static func issuance(_ record: DecisionRecord, _ json: inout JSONWriter) {
        let written = record.issuance.fragment(["json-issuance", record.outcome.rawValue], scheme: record.scheme,
                                               from: IssuanceSource(record)) { source in
            JSONWriter.fragment(depth: 1) { json in issuance(source, &json) }
        }
        json.fragment("issuance", written)
    }

    private static func issuance(_ source: IssuanceSource, _ json: inout JSONWriter) {
        json.object { json in
            json.string("stage", source.stage.rawValue)
            json.string("stage_name", source.stage.frenchName)
            json.string("document", source.title)
            json.bool("is_act", source.document == .act)
            json.string("notice", source.notice)
            json.string("reference_date", source.referenceDate?.description)
            if let act = source.act, let name = source.body {
                json.object("act") { json in
                    body(name, &json)
                    json.string("reference", act.reference)
                    json.string("date", act.date.description)
                }
            } else {
                json.string("act", nil)
            }
            json.string("notified_on", source.notifiedOn?.description)
            json.string("proposed_amount", source.proposedAmount)
            json.bool("register_read", source.registerRead)
        }
    }

    private static func body(_ name: BodyName, _ json: inout JSONWriter) {
        json.string("body", name.body.rawValue)
        json.string("body_name", name.name)
    }

    /// The same in every decision of the scheme: written once (`SchemeWording`), at the depth of
    /// a decision's own file, and indented further inside a larger document.
    private static func scheme(_ record: DecisionRecord, _ json: inout JSONWriter) {
        json.fragment("scheme", record.wording.schemeJSON)
    }

    static func scheme(_ scheme: Scheme, legalBasis: [String], key: JSONKey?, _ json: inout JSONWriter) {
        json.object(key) { json in
            json.string("id", scheme.id)
            json.string("title", scheme.title)
            json.string("kind", scheme.kind.rawValue)
            json.string("authority", scheme.authority.name)
            if let decidedBy = scheme.decidedBy {
                json.object("decided_by") { json in self.body(BodyName(decidedBy.body, authority: scheme.authority), &json) }
            } else {
                json.string("decided_by", nil)
            }
            json.array("legal_basis") { json in
                for deliberation in legalBasis { json.string(nil, deliberation) }
            }
            json.string("rules_sha256", scheme.rulesHash)
        }
    }

    private static func application(_ record: DecisionRecord, _ json: inout JSONWriter) {
        let application = record.application
        json.object("application") { json in
            json.string("id", application.id)
            json.date("filed", application.filed)
            json.object("applicant") { json in
                json.string("name", application.applicant.name)
                json.string("kind", application.applicant.kind)
                json.string("address", application.applicant.address)
            }
            json.string("subject", application.subject)
            json.string("input_sha256", record.inputHash)
        }
    }

    private static func criteria(_ record: DecisionRecord, _ json: inout JSONWriter) {
        json.array("criteria") { json in
            for row in record.criteria {
                // A criterion is met or failed on the same facts in many decisions of a run:
                // its object is written once for them, and reused while its source is equal.
                let written = record.issuance.fragment(["json-critère", row.id, row.verdict.rawValue], scheme: record.scheme,
                                                       from: CriterionSource(row)) { source in
                    JSONWriter.fragment(depth: 2) { json in criterion(row.id, source, &json) }
                }
                json.fragment(nil, written)
            }
        }
    }

    /// All a criterion's object holds besides its id, which keys it.
    private struct CriterionSource: Equatable, Sendable {
        let label: String
        let verdict: Verdict
        let facts: [DecisionRecord.Fact]
        let missing: [String]
        let note: String?
        /// `source` as written once for the scheme (`SchemeWording`).
        let sourceJSON: JSONFragment

        init(_ row: DecisionRecord.CriterionRow) {
            (label, verdict, facts, missing, note, sourceJSON) = (row.label, row.verdict, row.facts, row.missing, row.note, row.sourceJSON)
        }

        /// The same bytes in every text (`ExactText`): the facts are the applicant's answers.
        static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.verdict == rhs.verdict && lhs.sourceJSON == rhs.sourceJSON && ExactText.same(lhs.label, rhs.label)
                && ExactText.same(lhs.note, rhs.note) && ExactText.same(lhs.missing, rhs.missing)
                && lhs.facts.count == rhs.facts.count && zip(lhs.facts, rhs.facts).allSatisfy { $0.isExactly($1) }
        }
    }

    private static func criterion(_ id: String, _ row: CriterionSource, _ json: inout JSONWriter) {
        json.object { json in
            json.string("id", id)
            json.string("label", row.label)
            json.string("verdict", row.verdict.rawValue)
            json.array("facts") { json in
                for fact in row.facts { self.fact(fact, &json) }
            }
            json.array("missing") { json in
                for item in row.missing { json.string(nil, item) }
            }
            json.string("note", row.note)
            json.fragment("source", row.sourceJSON)
        }
    }

    private static func steps(_ record: DecisionRecord, _ json: inout JSONWriter) {
        // An allocation says which steps are its parts (`part: true`); other schemes have none.
        let parts = record.scheme.kind == .allocation ? record.scheme.amount?.steps.map(\.part) : nil
        json.array("amount_steps") { json in
            for (index, step) in record.steps.enumerated() {
                json.object { json in
                    json.string("id", step.id)
                    json.string("label", step.label)
                    json.string("formula", step.formula)
                    json.string("value", step.canonical)
                    json.string("display", step.value)
                    // How the act words the step, beside the technical formula.
                    json.string("wording", step.wording)
                    if let parts, index < parts.count { json.bool("part", parts[index]) }
                }
            }
        }
        json.string("amount_before_rounding", record.unrounded?.description)
    }

    private static func missing(_ record: DecisionRecord, _ json: inout JSONWriter) {
        json.array("missing") { json in
            for item in record.missing {
                json.object { json in
                    json.string("kind", item.kind.rawValue)
                    json.string("id", item.id)
                    json.string("text", item.text)
                    json.string("help", item.help)
                    if !item.months.isEmpty {
                        json.array("months") { json in
                            for month in item.months { json.string(nil, month) }
                        }
                    }
                }
            }
        }
    }

    private static func fact(_ fact: DecisionRecord.Fact, _ json: inout JSONWriter) {
        json.object { json in
            json.string("id", fact.id)
            json.string("value", fact.canonical)
            json.string("display", fact.value)
            // The sentence that states the fact in an act, as the Markdown prints it.
            json.string("statement", fact.statement)
        }
    }

    static func source(_ source: SourceReference?, key: JSONKey?, _ json: inout JSONWriter) {
        guard let source else {
            json.string(key, nil)
            return
        }
        json.object(key) { json in
            json.string("id", source.id)
            json.string("citation", source.citation)
            json.string("lines", source.lines)
            json.string("quote", source.quote)
            json.string("summary", source.summary)
        }
    }
}

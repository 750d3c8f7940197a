import FinancingPlans
import ExactDecimal

/// Writes applications back as a document of an application file, which `ApplicationDecoder`
/// reads into the same facts: what a portfolio made by the program (from the register, from a
/// scheme's test cases) is made of.
///
/// A household's file is one document for several schemes of a family: each scheme's
/// application holds the facts of its own inputs, and inputs shared by the family carry one
/// value, so the union of the applications is the document. Facts are written flat, by their
/// dotted id, in the order of the schemes and of their inputs; texts are double-quoted
/// (`YAMLScalar`), figures as a person types them (`TypedText.written`).
public struct ApplicationFile {
    /// What the document opens with: the scheme it applies to, or a household's family and the
    /// aids it requests.
    public enum Target: Sendable {
        case scheme(String)
        case family(String, requests: [String])
    }

    public var target: Target
    public var id: String
    public var filed: LocalDate
    public var applicant: Application.Applicant
    public var subject: String?
    /// The findings' notes, which an instructor writes in free text: left out when a file must
    /// carry no more than its facts.
    public var keepsFindingNotes = true

    public init(target: Target, id: String, filed: LocalDate, applicant: Application.Applicant, subject: String?) {
        self.target = target
        self.id = id
        self.filed = filed
        self.applicant = applicant
        self.subject = subject
    }

    /// The document, starting with `---`, for these applications of it with their schemes.
    /// `fact` may replace a value as it is written (a pseudonym for an identifier).
    public func document(_ parts: [(scheme: Scheme, application: Application)],
                         fact: (InputDefinition, Value) -> Value = { $1 }) -> String {
        var lines = ["---"] + header
        lines += Self.facts(parts, fact: fact)
        lines += plan(parts)
        lines += Self.flags(parts)
        lines += findingsAndOutcomes(parts)
        return lines.joined(separator: "\n") + "\n"
    }

    /// What opens the document, after `---`: its scheme or family, id, filing date, applicant
    /// and subject, texts quoted. Shared with the questionnaire's dossier, whose facts are
    /// written from what a person typed.
    public var header: [String] {
        var lines: [String] = []
        switch target {
        case .scheme(let id): lines.append("scheme: \(id)")
        case .family(let family, let requests):
            lines.append("family: \(family)")
            lines.append("requests: [\(requests.joined(separator: ", "))]")
        }
        lines.append("id: \(YAMLScalar.quoted(id))")
        lines.append("filed: \(filed)")
        lines.append("applicant:")
        lines.append("  name: \(YAMLScalar.quoted(applicant.name))")
        if let kind = applicant.kind { lines.append("  kind: \(YAMLScalar.quoted(kind))") }
        if let siret = applicant.siret { lines.append("  siret: \(YAMLScalar.quoted(siret))") }
        if let address = applicant.address { lines.append("  address: \(YAMLScalar.quoted(address))") }
        if let subject { lines.append("subject: \(YAMLScalar.quoted(subject))") }
        return lines
    }

    /// A value as the file writes it, read back as the same value.
    public static func written(_ value: Value) -> String {
        switch value {
        case .text(let text): return YAMLScalar.quoted(text)
        case .set(let members): return "[\(members.joined(separator: ", "))]"
        case .list(let items): return "[\(items.map(written).joined(separator: ", "))]"
        default: return TypedText.written(value) ?? YAMLScalar.quoted("\(value)")
        }
    }

    private static func facts(_ parts: [(scheme: Scheme, application: Application)], fact: (InputDefinition, Value) -> Value) -> [String] {
        var lines: [String] = []
        var written: Set<String> = []
        for (scheme, application) in parts {
            // The facts a financing plan gives are read from the plan, written below.
            for (index, input) in scheme.inputs.enumerated() where !written.contains(input.id) && input.planFigure == nil {
                // A fact given month by month is a mapping in the file; its value beside is
                // then the input's default, which the decoder fills in.
                if let months = application.monthlyFacts[index], !months.isEmpty {
                    let entries = months.sorted { $0.key < $1.key }.map { month, value in
                        "\(month.description.prefix(7)): \(Self.written(fact(input, value)))"
                    }
                    lines.append("  \(input.id): {\(entries.joined(separator: ", "))}")
                    written.insert(input.id)
                } else if let value = application.facts[index] {
                    lines.append("  \(input.id): \(Self.written(fact(input, value)))")
                    written.insert(input.id)
                }
            }
        }
        return lines.isEmpty ? [] : ["facts:"] + lines
    }

    /// The financing plan of the first application that carries one, as `financing_plan`; a
    /// derogation's words are free text, left out (« invoquée ») with the findings' notes.
    private func plan(_ parts: [(scheme: Scheme, application: Application)]) -> [String] {
        guard let plan = parts.lazy.compactMap(\.application.financingPlan).first else { return [] }
        func euros(_ amount: DecimalNumber) -> String { YAMLScalar.quoted(amount.frenchFormatted(minimumFractionDigits: 2) + " €") }
        var lines = ["financing_plan:", "  public_owner: \(plan.ownerIsPublic)", "  basis: \(plan.basis.rawValue)"]
        if let derogation = plan.derogation { lines.append("  derogation: \(YAMLScalar.quoted(keepsFindingNotes ? derogation : "invoquée"))") }
        lines.append("  expenses:")
        for expense in plan.expenses {
            let ttc = expense.ttc.map { ", ttc: \(euros($0))" } ?? ""
            lines.append("    - {label: \(YAMLScalar.quoted(expense.label)), ht: \(euros(expense.ht))\(ttc)}")
        }
        lines.append("  resources:")
        for resource in plan.resources {
            lines.append("    - {funder: \(YAMLScalar.quoted(resource.funder)), kind: \(resource.kind.rawValue), amount: \(euros(resource.amount))}")
        }
        return lines
    }

    /// The pieces provided and the facts confirmed, by id, each once.
    private static func flags(_ parts: [(scheme: Scheme, application: Application)]) -> [String] {
        var pieces: [String] = [], confirmed: [String] = []
        for (scheme, application) in parts {
            for index in application.pieces.indices where !pieces.contains(scheme.pieces[index].id) {
                pieces.append(scheme.pieces[index].id)
            }
            for index in application.confirmed.indices where !confirmed.contains(scheme.inputs[index].id) {
                confirmed.append(scheme.inputs[index].id)
            }
        }
        var lines: [String] = []
        if !pieces.isEmpty { lines.append("pieces: [\(pieces.joined(separator: ", "))]") }
        if !confirmed.isEmpty { lines.append("confirmed: [\(confirmed.joined(separator: ", "))]") }
        return lines
    }

    private func findingsAndOutcomes(_ parts: [(scheme: Scheme, application: Application)]) -> [String] {
        var findings: [String: Application.Finding] = [:]
        var outcomes: [String: Outcome] = [:]
        for (_, application) in parts {
            findings.merge(application.findings) { first, _ in first }
            outcomes.merge(application.outcomes) { first, _ in first }
        }
        var lines: [String] = []
        if !findings.isEmpty {
            lines.append("findings:")
            for (id, finding) in findings.sorted(by: { $0.key < $1.key }) {
                let note = keepsFindingNotes ? finding.note.map { ", note: \(YAMLScalar.quoted($0))" } ?? "" : ""
                lines.append("  \(id): {satisfied: \(finding.satisfied)\(note)}")
            }
        }
        if !outcomes.isEmpty {
            lines.append("outcomes:")
            for (id, outcome) in outcomes.sorted(by: { $0.key < $1.key }) { lines.append("  \(id): \(outcome.rawValue)") }
        }
        return lines
    }
}

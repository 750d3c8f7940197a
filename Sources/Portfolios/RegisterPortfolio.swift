import Batch
import Decisions
import Register
import RuleSet
import SchemeLanguage
import YAMLReader

/// A portfolio of what happened: the applications the register shows decided in a year, read
/// from the application files they were decided on, and written again pseudonymised, so that a
/// reform can be trialled on last year's real files.
///
/// The register keeps each decision's outcome and the fingerprint of the facts it was taken on
/// (`InputFingerprint`), not the facts: a file is taken only when its facts are those decided,
/// and the decisions whose file is missing or has changed since are reported, never guessed.
///
/// What is written is what the rules read, and no more: a natural person's name becomes the
/// register's pseudonym, their address and the application's subject are left out, and so are
/// the instructors' notes; an identifier of a natural person (`personal: true`) becomes the
/// same keyed hash the register stores, so that one person's files still meet in a limit.
public struct RegisterPortfolio {
    /// A decision of the year, by scheme and application.
    private var decided: [String: RegisterEntry] = [:]
    private var taken: Set<String> = []
    /// The documents, with what sorts them in filing order.
    private var documents: [(filed: LocalDate, id: String, text: String)] = []
    /// Decisions whose file has other facts than those decided, with where the file is.
    public private(set) var changed: [(entry: RegisterEntry, mark: SourceMark)] = []
    private let pseudonym: (String) -> String

    /// - Parameters:
    ///   - entries: the register's decisions in force (`currentEntries()`);
    ///   - year: the year of the acts that decided them;
    ///   - scheme: only this scheme's decisions, or every scheme's;
    ///   - pseudonym: the register's pseudonym of a natural person's identifier.
    public init(entries: [RegisterEntry], year: Int, scheme: String?, pseudonym: @escaping (String) -> String) {
        for entry in entries where entry.stage.isDecided && entry.stageRecord.act?.date.year == year {
            guard scheme == nil || entry.scheme == scheme else { continue }
            decided[Self.key(entry.scheme, entry.application)] = entry
        }
        self.pseudonym = pseudonym
    }

    /// How many decisions of the year the register holds.
    public var decisionCount: Int { decided.count }

    /// The decisions of the year no file given holds, in the register's order.
    public var missing: [RegisterEntry] {
        decided.filter { !taken.contains($0.key) }.values
            .sorted { ($0.filed, $0.scheme, $0.application) < ($1.filed, $1.scheme, $1.application) }
    }

    /// The portfolio, in filing order, then by id: the order in which limits bind.
    public var text: String {
        documents.sorted { ($0.filed, $0.id) < ($1.filed, $1.id) }.map(\.text).joined()
    }

    public var count: Int { documents.count }

    /// Takes a document read from the application files if the register shows it decided in
    /// the year, on these very facts.
    public mutating func add(_ document: PendingDocument, catalog: SchemeCatalog) {
        var parts: [(scheme: Scheme, application: Application)] = []
        for (position, id) in document.decoded.schemes.enumerated() {
            guard let application = document.decoded.applications[position], let scheme = catalog.schemes[id] else { continue }
            let key = Self.key(id, application.id)
            guard let entry = decided[key] else { continue }
            guard InputFingerprint.sha256(application, scheme: scheme) == entry.inputHash else {
                changed.append((entry, application.mark))
                continue
            }
            taken.insert(key)
            parts.append((scheme, application))
        }
        guard let first = parts.first?.application else { return }
        // A household's file requests only the aids decided in the year: the others' facts may
        // not be in the portfolio.
        let decided = parts.map(\.scheme.id)
        let requests = first.requests.map { $0.filter(decided.contains) } ?? decided
        let target: ApplicationFile.Target = document.family.map { .family($0, requests: requests) }
            ?? .scheme(parts[0].scheme.id)
        var file = ApplicationFile(target: target, id: first.id, filed: first.filed, applicant: applicant(first.applicant),
                                   subject: first.applicant.isLegalPerson ? first.subject : nil)
        file.keepsFindingNotes = false
        let text = file.document(parts) { input, value in
            guard input.personal, case .text(let identifier) = value else { return value }
            return .text(pseudonym(identifier))
        }
        documents.append((first.filed, first.id, text))
    }

    /// A legal person as the file names it, without its address; a natural person by pseudonym.
    private func applicant(_ applicant: Application.Applicant) -> Application.Applicant {
        guard !applicant.isLegalPerson else {
            return Application.Applicant(name: applicant.name, kind: applicant.kind, address: nil, siret: applicant.siret)
        }
        return Application.Applicant(name: "Personne \(pseudonym(applicant.name).prefix(14))", kind: applicant.kind, address: nil)
    }

    private static func key(_ scheme: String, _ application: String) -> String { scheme + "\u{1F}" + application }
}

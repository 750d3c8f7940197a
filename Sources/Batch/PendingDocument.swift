import Evaluator
import SchemeLanguage
import YAMLReader

/// A document ready to be decided, or the entry saying why it cannot be.
public enum Prepared: Sendable {
    case ready(PendingDocument)
    case failed(BatchEntry)
}

/// A document read and decoded, waiting for its turn in filing order (a class, so that
/// sorting a large batch moves references, not documents).
public final class PendingDocument: Sendable {
    public let mark: SourceMark
    public let id: String
    public let filed: LocalDate
    /// The scheme asked for; nil for a household's file, which shows every scheme of its family.
    public let target: String?
    public let family: String?
    public let decoded: DocumentEvaluator.Decoded

    init(mark: SourceMark, id: String, filed: LocalDate, target: String?, family: String?, decoded: DocumentEvaluator.Decoded) {
        self.mark = mark
        self.id = id
        self.filed = filed
        self.target = target
        self.family = family
        self.decoded = decoded
    }

    /// The schemes the document is evaluated under: the one asked for, or the whole family.
    public var schemes: [String] { target.map { [$0] } ?? decoded.schemes }

    /// Whether `scheme` is among `schemes`, without building the list.
    func isEvaluated(under scheme: String) -> Bool {
        target.map { $0 == scheme } ?? decoded.schemes.contains(scheme)
    }

    /// For a household's file, the aids it requests.
    public var requested: Set<String>? {
        decoded.applications.lazy.compactMap { $0?.requests }.first.map(Set.init)
    }

    /// Whether the document asks for a decision under `scheme`: a household's file only for the
    /// aids it requests.
    public func requests(_ scheme: String) -> Bool {
        family == nil || requested?.contains(scheme) == true
    }

    public func failure(_ diagnostics: [Diagnostic]) -> BatchEntry {
        BatchEntry(mark: mark, id: id, schemeID: target ?? family, result: .failed(diagnostics))
    }

    static func make(_ document: YAMLNode, decoded: DocumentEvaluator.Decoded, target: String?, family: String?,
                     declaredID: String?) -> Prepared {
        // The common case, an application for one scheme read without error: its id and date
        // are taken without copying the application.
        if let target, let position = decoded.schemes.firstIndex(of: target), decoded.errors[position] == nil,
           let id = decoded.applications[position]?.id, let filed = decoded.applications[position]?.filed {
            return .ready(PendingDocument(mark: document.mark, id: id, filed: filed, target: target, family: family, decoded: decoded))
        }
        let shown = target.map { [$0] } ?? decoded.schemes
        // A fact unknown to every scheme is reported by each: say it once.
        var seen: Set<String> = []
        let errors = shown.flatMap { decoded.errors($0) ?? [] }.filter { seen.insert($0.description).inserted }
        guard errors.isEmpty, let application = shown.lazy.compactMap({ decoded.application($0) }).first else {
            return .failed(BatchEntry(mark: document.mark, id: declaredID, schemeID: target ?? family, result: .failed(errors)))
        }
        return .ready(PendingDocument(mark: document.mark, id: application.id, filed: application.filed,
                                        target: target, family: family, decoded: decoded))
    }

    /// Filing date, then id, then place: the order of a batch, whatever the order of its files.
    public static func filingOrder(_ a: PendingDocument, _ b: PendingDocument) -> Bool {
        if a.filed != b.filed { return a.filed < b.filed }
        if a.id != b.id { return a.id < b.id }
        return (a.mark.file, a.mark.line) < (b.mark.file, b.mark.line)
    }
}

extension DocumentEvaluator {
    /// Reads what a document asks for, a scheme's decision or a household's orientation, and
    /// decodes it for every scheme involved; or the entry saying why it cannot be.
    public func prepare(_ document: YAMLNode) -> Prepared {
        let declaredID = Application.declaredID(of: document)
        if let family = Application.familyName(of: document) {
            let members = catalog.family(family).map(\.id)
            let broken = catalog.brokenMembers(of: family)
            if !broken.isEmpty {
                return .failed(BatchEntry(mark: document.mark, id: declaredID, schemeID: family,
                                          result: .failed([brokenFamily(family, broken, in: document)])))
            }
            guard !members.isEmpty else {
                let known = catalog.families.joined(separator: ", ")
                let node = document.mapping?.first { $0.key.scalar == "family" }?.value
                let message = "famille « \(family) » inconnue"
                    + Suggestion.question(for: family, among: catalog.families, thenList: "les familles sont : \(known.isEmpty ? "aucune" : known)")
                let diagnostic = Diagnostic(message, at: node?.mark ?? document.mark, path: "family")
                return .failed(BatchEntry(mark: document.mark, id: declaredID, schemeID: family, result: .failed([diagnostic])))
            }
            let decoded = decode(document, schemes: members, context: "family:\(family)", header: .family(family))
            return PendingDocument.make(document, decoded: decoded, target: nil, family: family, declaredID: declaredID)
        }
        let schemeID: String
        switch Application.schemeID(of: document) {
        case .success(let id): schemeID = id
        case .failure(let diagnostic): return .failed(BatchEntry(mark: document.mark, id: declaredID, schemeID: nil, result: .failed([diagnostic])))
        }
        guard catalog.schemes[schemeID] != nil else {
            return .failed(BatchEntry(mark: document.mark, id: declaredID, schemeID: schemeID, result: .failed([unknownScheme(schemeID, in: document)])))
        }
        let decoded = decode(document, schemes: schemes(for: schemeID), context: schemeID, header: .scheme)
        return PendingDocument.make(document, decoded: decoded, target: schemeID, family: nil, declaredID: declaredID)
    }

    /// A household is oriented across every aid of its family, or not at all: leaving one out
    /// would tell it that aid does not apply.
    private func brokenFamily(_ family: String, _ files: [String], in document: YAMLNode) -> Diagnostic {
        let node = document.mapping?.first { $0.key.scalar == "family" }?.value
        let list = files.joined(separator: ", ")
        return Diagnostic("la famille « \(family) » comprend un dispositif dont les règles contiennent des erreurs (\(list)) : "
                          + "ce dossier ne peut être examiné au regard de toutes les aides de la famille ; "
                          + "corrigez les règles (« guichet check ») puis relancez", at: node?.mark ?? document.mark, path: "family")
    }

    private func unknownScheme(_ id: String, in document: YAMLNode) -> Diagnostic {
        let node = document.mapping?.first { $0.key.scalar == "scheme" }?.value
        let known = catalog.schemes.keys.sorted()
        var message = "dispositif « \(id) » inconnu"
        if let failed = catalog.failures.first(where: { $0.file.hasSuffix("/\(id).yaml") }) {
            message += " : son fichier de règles \(failed.file) contient des erreurs (lancez « guichet check »)"
        } else if known.isEmpty {
            message += " : aucun dispositif n'a été chargé du dossier de règles"
        } else {
            message += Suggestion.question(for: id, among: known, thenList: "les dispositifs sont : \(known.joined(separator: ", "))")
        }
        return Diagnostic(message, at: node?.mark ?? document.mark, path: "scheme")
    }
}

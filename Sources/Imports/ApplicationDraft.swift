import SchemeLanguage

/// The fields of an application read from a dossier, and the application file they make.
///
/// The file is written the same way for the same fields, byte for byte: fields in the order of
/// the format, facts in the scheme's order, pieces and confirmations in the scheme's order, so
/// that importing an export again gives the files already written, unchanged.
struct ApplicationDraft {
    let scheme: Scheme
    let dossier: String
    private(set) var id: String?
    private(set) var filed: LocalDate?
    private(set) var applicant: [ImportMapping.Target: String] = [:]
    private(set) var subject: String?
    private var facts: [Int: Value] = [:]
    private var pieces = Set<String>()
    private var confirmed = Set<String>()

    init(scheme: Scheme, dossier: String) {
        self.scheme = scheme
        self.dossier = dossier
    }

    mutating func set(_ target: ImportMapping.Target, _ value: Value, template: String?) {
        switch target {
        case .dossier: break
        case .id: id = text(value).map { cell in template.map { $0.replacing("{value}", with: cell) } ?? cell }
        case .filed: if case .date(let date) = value { filed = date }
        case .applicantName, .applicantKind, .applicantSiret, .applicantAddress: applicant[target] = text(value)
        case .subject: subject = text(value)
        case .fact(let index): facts[index] = value
        case .piece(let id): if value == .boolean(true) { pieces.insert(id) }
        case .confirmed(let id): if value == .boolean(true) { confirmed.insert(id) }
        }
    }

    private func text(_ value: Value) -> String? {
        if case .text(let text) = value { return text }
        return TypedText.written(value)
    }

    /// The application file.
    func yaml() -> String {
        var lines = ["# Dossier n°\(dossier) importé de démarches-simplifiées.", "scheme: \(YAMLText.scalar(scheme.id))"]
        if let id { lines.append("id: \(YAMLText.scalar(id))") }
        if let filed { lines.append("filed: \(filed)") }
        lines.append("applicant:")
        for (target, key) in [(ImportMapping.Target.applicantName, "name"), (.applicantKind, "kind"), (.applicantSiret, "siret"), (.applicantAddress, "address")] {
            if let text = applicant[target] { lines.append("  \(key): \(YAMLText.quoted(text))") }
        }
        if let subject { lines.append("subject: \(YAMLText.quoted(subject))") }
        let written = scheme.inputs.indices.compactMap { index in facts[index].map { (scheme.inputs[index].id, $0) } }
        if !written.isEmpty {
            lines.append("facts:")
            for (id, value) in written { lines.append("  \(id): \(Self.written(value))") }
        }
        let provided = scheme.pieces.map(\.id).filter(pieces.contains)
        if !provided.isEmpty { lines.append("pieces: [\(provided.joined(separator: ", "))]") }
        let confirmations = scheme.inputs.map(\.id).filter(confirmed.contains)
        if !confirmations.isEmpty { lines.append("confirmed: [\(confirmations.joined(separator: ", "))]") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A fact as an application file writes it: figures and codes plain, texts quoted.
    private static func written(_ value: Value) -> String {
        switch value {
        case .set(let codes): return "[\(codes.map(YAMLText.scalar).joined(separator: ", "))]"
        case .text(let text): return YAMLText.quoted(text)
        case .enumeration(let code): return YAMLText.scalar(code)
        default: return TypedText.written(value) ?? ""
        }
    }
}

/// YAML scalars that read back as the text written, whatever it holds.
enum YAMLText {
    /// Plain when the text is an identifier YAML reads as itself, quoted otherwise.
    static func scalar(_ text: String) -> String {
        let plain = text.first.map { $0.isASCII && ($0.isLetter || $0.isNumber) } == true
            && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)) }
            && !["null", "Null", "NULL", "true", "false"].contains(text)
        return plain ? text : quoted(text)
    }

    /// A double-quoted scalar (`YAMLScalar`): no text read from an export can end the line and
    /// write a field of its own.
    static func quoted(_ text: String) -> String { YAMLScalar.quoted(text) }
}

import SchemeLanguage

/// The application file a simulation makes, in the format of `Applications/` (Docs/SCHEME-FORMAT.md,
/// « Applications »): what the person downloads as « dossier de demande (YAML) », and what an
/// instructor's batch (`guichet evaluate`) reads. Every text the person typed is written quoted by
/// `FactWriting`, so that no answer can add a field, a fact or a document.
enum DossierText {
    /// The name under which the file is read, for the located errors of the decoder.
    static let fileName = "dossier.yaml"

    static func write(schemeID: String, header: Questionnaire.Header, filed: LocalDate,
                      facts: [(id: String, yaml: String)], pieces: [String], comments: [String] = []) -> String {
        let file = ApplicationFile(target: .scheme(schemeID), id: header.id, filed: filed,
                                   applicant: Application.Applicant(name: header.name, kind: header.kind, address: nil),
                                   subject: header.subject)
        var lines = comments.map { "# " + $0 } + file.header
        if facts.isEmpty {
            lines.append("facts: {}")
        } else {
            lines.append("facts:")
            for fact in facts { lines.append("  \(FactWriting.quoted(fact.id)): \(fact.yaml)") }
        }
        lines.append("pieces: [" + pieces.map(FactWriting.quoted).joined(separator: ", ") + "]")
        return lines.joined(separator: "\n") + "\n"
    }
}

import YAMLReader

/// An act a scheme cites: a deliberation, or a report presented to the assembly that votes.
public struct Act: Sendable {
    /// The key schemes cite it by: `cd62-2020-309`.
    public let key: String
    /// The act as decisions cite it: "Délibération n°2020-309 du Conseil départemental du 28 septembre 2020".
    public let title: String
    /// "2020-309"; nil for an act without a number (an activity report).
    public let number: String?
    /// The day the act was voted, or the report presented; nil when the texts do not give it (the
    /// FSL's règlement intérieur, a deliberation known only by its month): never a day made up.
    public let date: LocalDate?
    /// The assembly that voted the act, or to which the report was presented: "Conseil
    /// départemental"; nil when its title does not name one (a law).
    public let body: String?
    /// The file of the text whose lines its sources cite (`text:`, relative to the folder of
    /// `deliberations.yaml`), as a path from the working folder; nil when none is declared.
    /// `guichet check` verifies the sources' quotes against it.
    public let text: String?
    /// Where `text:` is written, for the errors about the file.
    public let textMark: SourceMark?

    public init(key: String, title: String, number: String?, date: LocalDate?, body: String?, text: String? = nil,
                textMark: SourceMark? = nil) {
        self.key = key
        self.title = title
        self.number = number
        self.date = date
        self.body = body
        self.text = text
        self.textMark = textMark
    }
}

/// The authorities and acts of a rules folder's `deliberations.yaml`, written once and cited by
/// key from every scheme (`authority: cd62`, `act: cd62-2020-309`).
public struct SharedDeliberations: Sendable {
    /// The file they were read from, named in the errors of the schemes that cite them.
    public let file: String
    public let authorities: [String: Authority]
    public let acts: [String: Act]
    /// Keys declared with errors: a scheme citing one is told that the entry is broken, not
    /// that it does not exist.
    public let brokenAuthorities: Set<String>
    public let brokenActs: Set<String>

    public init(file: String, authorities: [String: Authority], acts: [String: Act],
                brokenAuthorities: Set<String> = [], brokenActs: Set<String> = []) {
        self.file = file
        self.authorities = authorities
        self.acts = acts
        self.brokenAuthorities = brokenAuthorities
        self.brokenActs = brokenActs
    }

    /// No shared file: schemes write their authority and their texts in full.
    public static let none = SharedDeliberations(file: "deliberations.yaml", authorities: [:], acts: [:])

    /// Whether the rules folder has a shared file: its schemes must then cite it by key, so that
    /// a title or an authority is written once.
    public var isShared: Bool {
        !authorities.isEmpty || !acts.isEmpty || !brokenAuthorities.isEmpty || !brokenActs.isEmpty
    }

    /// The entries a scheme uses, in a canonical text (sorted keys, one escaped field a line),
    /// so that its rules fingerprint changes when one of them does, whatever the file's layout.
    func canonicalText(authority: String?, acts keys: Set<String>) -> String {
        var lines: [String] = []
        if let key = authority, let entry = authorities[key] {
            lines += ["authority \(key)", "name=\(entry.name)", "signatory=\(entry.signatory)",
                      "court=\(entry.court)", "court_address=\(entry.courtAddress ?? "")"]
            lines += DecidingBody.allCases.compactMap { body in entry.name(of: body).map { "body.\(body.rawValue)=\($0)" } }
        }
        for key in keys.sorted() {
            guard let act = acts[key] else { continue }
            lines += ["act \(key)", "title=\(act.title)", "number=\(act.number ?? "")",
                      "date=\(act.date?.description ?? "")", "body=\(act.body ?? "")"]
        }
        return lines.map(CanonicalLine.escaped).joined(separator: "\n")
    }
}

import SchemeLanguage

/// A hash of what an application says, independent of how its file is laid out.
///
/// Two files with the same facts in another order, or written flat rather than nested, have the
/// same fingerprint; any change of a fact, a piece, a confirmation or a finding changes it.
public enum InputFingerprint {
    public static func sha256(_ application: Application, scheme: Scheme) -> String {
        SHA256.hex(of: Array(canonicalText(application, scheme: scheme).utf8))
    }

    static func canonicalText(_ application: Application, scheme: Scheme) -> String {
        var lines = [
            "scheme=\(application.schemeID)",
            "id=\(application.id)",
            "filed=\(application.filed)",
            "applicant.name=\(application.applicant.name)",
            "applicant.kind=\(application.applicant.kind ?? "")",
            "applicant.address=\(application.applicant.address ?? "")",
            "subject=\(application.subject ?? "")",
        ]
        // In the scheme's order of inputs and pieces: stable for a given scheme, and no sort.
        for (index, value) in application.facts.enumerated() {
            guard let value else { continue }
            lines.append("fact.\(scheme.inputs[index].id)=\(FrenchFormat.canonical(value))")
        }
        for (index, months) in application.monthlyFacts.sorted(by: { $0.key < $1.key }) {
            for (month, value) in months.sorted(by: { $0.key < $1.key }) {
                lines.append("fact.\(scheme.inputs[index].id)@\(month)=\(FrenchFormat.canonical(value))")
            }
        }
        lines += application.pieces.indices.map { "piece=\(scheme.pieces[$0].id)" }
        lines += application.confirmed.indices.map { "confirmed=\(scheme.inputs[$0].id)" }
        lines += application.outcomes.keys.sorted().map { "outcome.\($0)=\(application.outcomes[$0]!.rawValue)" }
        lines += application.findings.keys.sorted().map { id in
            let finding = application.findings[id]!
            return "finding.\(id)=\(finding.satisfied)|\(finding.note ?? "")"
        }
        // Escaping newlines keeps one entry per line whatever a text contains.
        return lines.map(escaped).joined(separator: "\n")
    }

    private static func escaped(_ line: String) -> String {
        guard line.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") }) else { return line }
        return line.replacing("\\", with: "\\\\").replacing("\n", with: "\\n")
    }
}

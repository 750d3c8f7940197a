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
        let facts = scheme.inputs.indices.compactMap { index in
            application.facts[index].map { "fact.\(scheme.inputs[index].id)=\(FrenchFormat.canonical($0))" }
        }
        lines += facts.sorted()
        lines += application.pieces.indices.map { "piece=\(scheme.pieces[$0].id)" }.sorted()
        lines += application.confirmed.indices.map { "confirmed=\(scheme.inputs[$0].id)" }.sorted()
        lines += application.findings.keys.sorted().map { id in
            let finding = application.findings[id]!
            return "finding.\(id)=\(finding.satisfied)|\(finding.note ?? "")"
        }
        // Escaping newlines keeps one entry per line whatever a text contains.
        return lines.map { $0.replacing("\\", with: "\\\\").replacing("\n", with: "\\n") }.joined(separator: "\n")
    }
}

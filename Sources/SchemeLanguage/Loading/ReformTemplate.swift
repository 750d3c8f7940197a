import ExactDecimal

/// A reform file to start from, as `guichet reform new SCHEME` prints it: every parameter of
/// the scheme with the value it has today, each under a comment that says what it is. Loaded
/// as it is, it changes nothing; one edits the values to change and deletes the others.
public enum ReformTemplate {
    public static func yaml(for scheme: Scheme) -> String {
        var lines = [
            "# Réforme du dispositif \(scheme.id) : \(scheme.title)",
            "#",
            "# Chaque paramètre est écrit avec sa valeur d'aujourd'hui : tel quel, ce fichier ne change rien.",
            "# Donnez leur nouvelle valeur aux paramètres que la réforme change et supprimez les autres.",
            "# « from » est le jour de dépôt à compter duquel la nouvelle valeur s'applique, écrit",
            "# 2021-01-01 ou 01/01/2021 ; sans « from », elle s'applique à toutes les demandes.",
            "# Puis : guichet simulate --reform CE_FICHIER DEMANDES",
            "name: \(quoted("\(scheme.title) — réforme à nommer"))",
            "rationale: >-",
            "  Pourquoi le changement est proposé, en quelques phrases, pour les élus qui liront le rapport.",
            "overrides:",
            "  \(scheme.id):",
        ]
        var unset: [Parameter] = []
        for parameter in scheme.parameters {
            // The latest version, from its own date: the earlier ones stay as they are, so the
            // file as printed changes nothing.
            guard let current = parameter.versions.last else {
                unset.append(parameter)
                continue
            }
            lines.append("    # \(parameter.label) — aujourd'hui : \(FrenchFormat.versions(of: parameter)) (\(parameter.type))")
            lines.append("    \(parameter.id):")
            lines.append("      value: \(written(current.value, type: parameter.type))")
            if let from = current.from { lines.append("      from: \(from)") }
        }
        for parameter in unset {
            lines.append("    # \(parameter.label) — le texte ne fixe pas ce paramètre (\(parameter.type)) ; pour l'essayer, écrivez par exemple :")
            lines.append("    # \(parameter.id): {value: \(inFlow(example(parameter.type)))}")
        }
        if !scheme.inputs.isEmpty {
            lines.append("# Pour ventiler les montants du rapport selon une donnée des demandes (facultatif) :")
            lines.append("# breakdown:")
            let input = scheme.inputs.first { if case .enumeration = $0.type { true } else { false } }?.id ?? scheme.inputs[0].id
            lines.append("#   \(scheme.id): \(input)")
            // A SIREN input (`porteur.siren`): the breakdown by the maître d'ouvrage's commune.
            if let siren = scheme.inputs.first(where: { ($0.id == "siren" || $0.id.hasSuffix(".siren")) && $0.type == .text }) {
                lines.append("# ou, pour ventiler aussi selon la commune du maître d'ouvrage (tranche de population, arrondissement),")
                lines.append("# retrouvée par son SIREN dans le référentiel des communes (Rules/references/communes-62.csv) :")
                lines.append("#   \(scheme.id): {input: \(input), commune: \(siren.id)}")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A value as a reform file writes it, which the loader reads back the same: "40 000 €",
    /// "50 %", "2021-01-01", "true".
    public static func written(_ value: Value, type: ValueType) -> String {
        switch value {
        case .boolean(let flag): return flag ? "true" : "false"
        case .integer(let integer): return String(integer)
        case .number(let number): return decimal(number)
        case .money(let amount): return decimal(amount) + " €"
        case .rate(let proportion): return ((try? proportion.multipliedByHundred()).map(decimal) ?? proportion.description) + " %"
        case .date(let date): return date.description
        case .text(let text): return quoted(text)
        case .enumeration(let item): return item
        case .set(let members): return "[\(members.joined(separator: ", "))]"
        case .list(let items): return "[\(items.map { written($0, type: .text) }.joined(separator: ", "))]"
        }
    }

    /// An example value of a type, for a parameter that has none and in error messages.
    public static func example(_ type: ValueType) -> String {
        switch type {
        case .boolean: "true"
        case .integer: "12"
        case .number: "1,5"
        case .money: "50 000 €"
        case .rate: "60 %"
        case .date: "2021-01-01"
        case .text: "\"un texte\""
        case .enumeration(let domain): domain.values.first ?? "valeur"
        case .set(let domain): "[\(domain.values.prefix(2).joined(separator: ", "))]"
        case .list: "[1, 2]"
        }
    }

    /// French digits with ordinary spaces ("40 000", "39 999,99"); a fraction of exactly three
    /// digits gets a fourth zero, for "1,125" could be read as 1 125.
    static func decimal(_ number: DecimalNumber) -> String {
        var text = number.frenchFormatted().replacing("\u{202F}", with: " ").replacing("\u{00A0}", with: " ")
        if let comma = text.firstIndex(of: ","), text.distance(from: comma, to: text.endIndex) == 4 { text += "0" }
        return text
    }

    /// A value between `{ }`, where a comma would end it: "39 999,99 €" is quoted.
    public static func inFlow(_ written: String) -> String {
        written.contains(",") && !written.hasPrefix("\"") && !written.hasPrefix("[") ? quoted(written) : written
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}

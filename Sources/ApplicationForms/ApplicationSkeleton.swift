import FinancingPlans
import SchemeLanguage

/// A commented application file to fill in: every field of the format and every question of
/// the scheme, each preceded by the question, its help, how to write the answer (`true` or
/// `false`, a date `AAAA-MM-JJ`, an amount) and the codes allowed with their labels, in French.
///
/// Every value is left empty (null, which the decoder reads as « not given »): once the values
/// are written, the file loads; a question left empty is asked by the decision.
public enum ApplicationSkeleton {
    /// The comments' width, `# ` included.
    static let width = 100

    /// The skeleton of an application file for `scheme`.
    public static func yaml(for scheme: Scheme) -> String {
        var lines = intro("Demande au dispositif \(scheme.id) : \(scheme.title)", command: scheme.id)
        lines.append("scheme: \(scheme.id)")
        lines += body([scheme])
        return lines.joined(separator: "\n") + "\n"
    }

    /// A household's file for a family of schemes (`family: logement`).
    public static func yaml(forFamily family: String, schemes: [Scheme]) -> String {
        var lines = intro("Dossier d'un ménage, famille \(family)", command: family)
        lines.append("family: \(family)")
        lines += comment("Les aides demandées : une liste parmi", indent: "")
        lines += codes(schemes.map { ($0.id, $0.title) }, indent: "")
        lines.append("requests: []")
        lines += body(schemes)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func intro(_ title: String, command: String) -> [String] {
        comment(title, indent: "")
            + comment("Squelette produit par « guichet new \(command) » : écrivez chaque valeur après son « : », puis "
                      + "« guichet evaluate FICHIER ». Une information inconnue peut rester vide : la décision la demandera. "
                      + "Écrivez entre guillemets un texte qui contient « : » ou « # ».", indent: "")
    }

    private static func body(_ schemes: [Scheme]) -> [String] {
        var lines = comment("Référence de la demande : lettres, chiffres, « - », « _ » et « . » (par exemple DEMANDE-2021-001).", indent: "")
        lines.append("id:")
        lines += comment("Date de dépôt, AAAA-MM-JJ (par exemple 2021-03-15).", indent: "")
        lines.append("filed:")
        lines.append("applicant:")
        let applicant = [("name", "Nom du demandeur."), ("kind", "Nature du demandeur : commune, EPCI, association, particulier… (facultatif)."),
                         ("siret", "SIRET, 14 chiffres entre guillemets, par exemple \"216 200 001 00019\" (facultatif)."), ("address", "Adresse (facultatif).")]
        for (key, text) in applicant {
            lines += comment(text, indent: "  ")
            lines.append("  \(key):")
        }
        lines += comment("Objet de la demande (facultatif).", indent: "")
        lines.append("subject:")
        lines += facts(schemes)
        lines += financingPlan(schemes)
        lines += pieces(schemes)
        lines += confirmations(schemes)
        lines += findings(schemes)
        lines += outcomes(schemes)
        return lines
    }

    /// The decisions already taken under the schemes this one reads the outcome of.
    private static func outcomes(_ schemes: [Scheme]) -> [String] {
        let family = Set(schemes.map(\.id))
        let referenced = Array(Set(schemes.flatMap { $0.references.map(\.id) }).subtracting(family)).sorted()
        guard let first = referenced.first else { return [] }
        return [""] + comment("Décisions déjà prises sous les dispositifs dont celui-ci dépend (\(referenced.joined(separator: ", "))) : "
                              + "favorable, défavorable, incomplet ou à instruire.", indent: "")
            + ["# outcomes:", "#   \(first): favorable"]
    }

    private static func facts(_ schemes: [Scheme]) -> [String] {
        var lines = ["", "facts:"]
        var seen = Set<String>()
        for scheme in schemes {
            for input in scheme.inputs where input.planFigure == nil && seen.insert(input.id).inserted {
                lines += comment(input.question, indent: "  ")
                if let help = input.help { lines += comment(help, indent: "  ") }
                var notes = [ValueSchemas.writing(input)]
                if let piece = input.piece { notes.append("Établi par la pièce \(piece).") }
                if input.confirm { notes.append("Un instructeur doit la confirmer.") }
                lines += comment(notes.joined(separator: " "), indent: "  ")
                switch input.type {
                case .enumeration(let domain), .set(let domain): lines += codes(domain.values.map { ($0, domain.label(of: $0)) }, indent: "  ")
                default: break
                }
                lines.append("  \(input.id):")
                lines.append("")
            }
        }
        return lines
    }

    /// For a scheme that reads a financing plan, the plan to fill in, commented out: it is optional.
    private static func financingPlan(_ schemes: [Scheme]) -> [String] {
        guard let funder = schemes.lazy.compactMap(\.financingPlan).first?.funder else { return [] }
        let kinds = FunderKindList.codes
        return comment("Plan de financement (facultatif) : les dépenses HT et TTC, et les ressources par financeur, qui égalent les dépenses (HT, ou TTC avec basis: TTC). "
                       + "Les lignes « \(funder.rawValue) » sont l'aide demandée au dispositif. Natures des financeurs : \(kinds).", indent: "")
            + ["# financing_plan:", "#   expenses:", "#     - {label: Travaux, ht: 60 000 €, ttc: 72 000 €}", "#   resources:",
               "#     - {funder: Département, kind: \(funder.rawValue), amount: 30 000 €}", "#     - {funder: Maître d'ouvrage, kind: fonds-propres, amount: 30 000 €}", ""]
    }

    private static func pieces(_ schemes: [Scheme]) -> [String] {
        var seen = Set<String>()
        let pieces = schemes.flatMap(\.pieces).filter { seen.insert($0.id).inserted }
        guard !pieces.isEmpty else { return [] }
        return comment("Pièces fournies : une liste parmi les codes suivants, par exemple [\(pieces[0].id)].", indent: "")
            + codes(pieces.map { ($0.id, $0.label) }, indent: "") + ["pieces: []"]
    }

    private static func confirmations(_ schemes: [Scheme]) -> [String] {
        var seen = Set<String>()
        let inputs = schemes.flatMap { $0.inputs.filter(\.confirm) }.filter { seen.insert($0.id).inserted }
        guard !inputs.isEmpty else { return [] }
        return [""] + comment("Informations vérifiées par l'instructeur : all (toutes), ou une liste parmi les codes suivants.", indent: "")
            + codes(inputs.map { ($0.id, $0.question) }, indent: "") + ["confirmed: []"]
    }

    private static func findings(_ schemes: [Scheme]) -> [String] {
        let manual = schemes.flatMap { scheme in scheme.criteria.filter(\.takesFindings).map { ($0.id, ParameterText.fillLatest($0.label, of: scheme)) } }
        guard let first = manual.first else { return [] }
        return [""] + comment("Critères appréciés par l'instructeur : pour chacun, satisfied: true ou false, et une note.", indent: "")
            + codes(manual, indent: "")
            + ["# findings:", "#   \(first.0): {satisfied: true, note: \"Vu le rapport de visite du …\"}"]
    }

    /// `#   code   label`, the codes aligned.
    private static func codes(_ pairs: [(String, String)], indent: String) -> [String] {
        let width = min(pairs.map(\.0.count).max() ?? 0, 40)
        return pairs.flatMap { code, label in
            let padded = code.count >= width ? code : code + String(repeating: " ", count: width - code.count)
            return comment("  \(padded)  \(label)", indent: indent, continuation: "  " + String(repeating: " ", count: width + 2))
        }
    }

    /// The last space a line may end at: never after « nor before », :, ; ? or !, which French
    /// typography keeps with their word.
    private static func breakable(_ text: Substring) -> Substring.Index? {
        var index = text.endIndex
        while let space = text[..<index].lastIndex(of: " ") {
            let before = space > text.startIndex ? text[text.index(before: space)] : " "
            let after = text.index(after: space) < text.endIndex ? text[text.index(after: space)] : " "
            if before != "«", !"»:;?!".contains(after) { return space }
            index = space
        }
        return nil
    }

    /// A comment wrapped at `width`, its continuation lines indented by `continuation`; its own
    /// line breaks and control characters become spaces, so that no text of a scheme can end
    /// the comment and write a field.
    static func comment(_ text: String, indent: String, continuation: String = "") -> [String] {
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x2028 || $0.value == 0x2029 ? " " : $0
        }))
        let prefix = indent + "# "
        var lines: [String] = []
        var rest = Substring(flat)
        var lead = ""
        while true {
            let room = max(width - prefix.count - lead.count, 20)
            let window = rest.prefix(room + 1)
            let start = window.firstIndex { $0 != " " } ?? window.startIndex
            guard rest.count > room, let space = breakable(window[start...]) else {
                lines.append(prefix + lead + rest)
                break
            }
            lines.append(prefix + lead + rest[..<space])
            rest = rest[rest.index(after: space)...].drop { $0 == " " }
            lead = continuation
        }
        return lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }
    }
}

/// The kinds of funder a plan may list, with their labels, for the skeleton's comment.
enum FunderKindList {
    static var codes: String { ApplicationPlan.FunderKind.allCases.map { "\($0.rawValue) (\($0.label))" }.joined(separator: ", ") }
}

import SchemeLanguage

/// What a cell says once read for its rule: a value, nothing (the field is left out), or why it
/// cannot be read and what to do.
enum CellValue {
    case value(Value)
    case absent
    case problem(String, hint: String)
}

/// Reads the cells of an export as the values of an application: the mapping's own words first
/// (`values`), then the words démarches-simplifiées writes (« Oui », « on », the scheme's labels),
/// then figures and dates as people and programs write them. Nothing is guessed: a word the
/// mapping does not know, an ambiguous figure or a date in an unknown form is a problem.
struct CellReading {
    let mapping: ImportMapping

    /// Words DS writes for booleans: « Oui »/« Non » (yes/no fields), « on »/« off » (checkboxes,
    /// CSV), `true`/`false` (API), « présent »/« absent » (identity documents).
    static let yes: Set<String> = ["oui", "on", "true", "présent"]
    static let no: Set<String> = ["non", "off", "false", "absent"]

    func read(_ cell: ExportCell?, rule: ImportMapping.Rule, type: ValueType) -> CellValue {
        guard let cell, !cell.isBlank else {
            if let empty = rule.empty { return empty.map(CellValue.value) ?? .absent }
            return .absent
        }
        if case .set(let domain) = type { return set(cell, rule: rule, domain: domain) }
        let text = (cell.items?.joined(separator: ", ") ?? cell.text).trimmingSpaces
        if let mapped = rule.value(for: text) { return mapped.map(CellValue.value) ?? .absent }
        let read = scalar(text, rule: rule, type: type)
        if case .problem(let message, _) = read, !rule.values.isEmpty {
            return .problem(message, hint: "ajoutez ce libellé sous \(rule.path).values dans \(mapping.file), avec la valeur qu'il désigne")
        }
        return read
    }

    private func scalar(_ text: String, rule: ImportMapping.Rule, type: ValueType) -> CellValue {
        let fix = "corrigez la valeur dans le dossier (ou dans l'export)"
            + (type.isWord ? ", ou donnez sa valeur sous \(rule.path).values dans \(mapping.file)" : "")
        switch type {
        case .boolean:
            if Self.yes.contains(text.lowercased()) { return .value(.boolean(true)) }
            if Self.no.contains(text.lowercased()) { return .value(.boolean(false)) }
            // A piece's column names the files provided: any name means it is there.
            if case .piece = rule.target { return .value(.boolean(true)) }
            return .problem("« \(shown(text)) » n'est pas une réponse oui ou non (Oui, Non, on, off, true, false)", hint: fix)
        case .enumeration(let domain):
            if domain.contains(text) { return .value(.enumeration(text)) }
            if let code = domain.values.first(where: { domain.labels[$0] == text }) { return .value(.enumeration(code)) }
            return .problem("« \(shown(text)) » n'est ni un code ni un libellé de \(domain.name) ; attendu : "
                            + known(rule, domain: domain), hint: fix)
        case .date:
            switch ExportDates.read(text) {
            case .date(let date): return .value(.date(date))
            case .lateUTC:
                return .problem("« \(shown(text)) » est une heure UTC de fin de soirée : en France, c'est déjà le lendemain ; la date ne peut être lue sans risque",
                                hint: "exportez les dates à l'heure française (+0100 ou +0200)")
            case .unreadable:
                return .problem("« \(shown(text)) » n'est pas une date lisible (AAAA-MM-JJ, AAAA-MM-JJ HH:MM:SS +0200 ou JJ/MM/AAAA)", hint: fix)
            }
        case .money:
            return money(text, rule: rule, fix: fix)
        case .text:
            return .value(.text(text))
        default:
            switch TypedText.read(text, as: type) {
            case .success(let value): return .value(value)
            case .failure(let problem): return .problem(problem.message, hint: fix)
            }
        }
    }

    /// An amount: `12 500,50 €`, `12500.5`, `60 000 € HT` for an amount the rules count HT; one
    /// given TTC is never taken for HT.
    private func money(_ text: String, rule: ImportMapping.Rule, fix: String) -> CellValue {
        var figure = text
        if case .fact(let index) = rule.target, mapping.scheme.inputs[index].exclusiveOfTax {
            if figure.hasSuffix("TTC") {
                return .problem("le montant « \(shown(text)) » est toutes taxes comprises, la règle compte le montant hors taxes",
                                hint: "indiquez le montant HT dans le dossier, ou écrivez la demande à la main avec {ttc: …, tva: …}")
            }
            if figure.hasSuffix(" HT") { figure = String(figure.dropLast(3)) }
        }
        switch TypedText.read(figure, as: .money) {
        case .success(let value): return .value(value)
        case .failure(let problem): return .problem(problem.message, hint: fix)
        }
    }

    /// A multiple choice: its items as the export separates them, or its text split on the
    /// labels it may hold (DS joins them with « , », and a label may itself hold a comma).
    private func set(_ cell: ExportCell, rule: ImportMapping.Rule, domain: EnumDomain) -> CellValue {
        let words = vocabulary(rule, domain: domain)
        let fix = "ajoutez ce libellé sous \(rule.path).values dans \(mapping.file), avec le code qu'il désigne"
        var codes = Set<String>()
        let pieces: [String]
        if let items = cell.items {
            pieces = items.map(\.trimmingSpaces)
        } else {
            switch LabelSplitter.split(cell.text.trimmingSpaces, words: words.map(\.label)) {
            case .pieces(let found): pieces = found
            case .unknown(let part):
                return .problem("« \(shown(part)) » n'est pas un choix connu de \(domain.name) ; attendu : \(known(rule, domain: domain))", hint: fix)
            case .ambiguous:
                return .problem("« \(shown(cell.text)) » se lit de plusieurs façons avec ces libellés", hint: "donnez des libellés sans « , » ambiguë sous \(rule.path).values")
            }
        }
        for piece in pieces {
            guard let word = words.first(where: { $0.label == piece }) else {
                return .problem("« \(shown(piece)) » n'est pas un choix connu de \(domain.name) ; attendu : \(known(rule, domain: domain))", hint: fix)
            }
            if let code = word.code { codes.insert(code) }
        }
        return .value(.set(domain.values.filter(codes.contains)))
    }

    /// The words a set's cell may hold: the mapping's labels, the scheme's labels and codes.
    private func vocabulary(_ rule: ImportMapping.Rule, domain: EnumDomain) -> [(label: String, code: String?)] {
        var words: [(label: String, code: String?)] = rule.values.map { ($0.label, $0.value.flatMap(Self.code)) }
        for code in domain.values {
            words.append((code, code))
            if let label = domain.labels[code] { words.append((label, code)) }
        }
        return words
    }

    private static func code(_ value: Value) -> String? {
        if case .enumeration(let code) = value { return code }
        return nil
    }

    private func known(_ rule: ImportMapping.Rule, domain: EnumDomain) -> String {
        let labels = rule.values.isEmpty ? domain.values.map { domain.labels[$0] ?? $0 } : rule.values.map(\.label)
        return labels.map { "« \($0) »" }.joined(separator: ", ")
    }

    private func shown(_ text: String) -> String { ScalarParsing.truncated(text) }
}

private extension ValueType {
    /// A type whose cells hold words a mapping may translate (« Oui », a label), rather than
    /// figures or dates.
    var isWord: Bool {
        switch self {
        case .boolean, .text, .enumeration, .set: true
        default: false
        }
    }
}

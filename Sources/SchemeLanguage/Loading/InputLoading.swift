import ExactDecimal
import YAMLReader

/// The `inputs` and `parameters` sections.
extension SchemeBuilder {
    func inputs(_ node: YAMLNode) -> [InputDefinition] {
        let declared = entries(node, path: "inputs")
        let ids = Set(declared.map(\.id))
        return declared.compactMap { entry in input(entry.id, entry.value, path: entry.path, among: ids) }
    }

    private func input(_ id: String, _ value: YAMLNode, path: String, among ids: Set<String>) -> InputDefinition? {
        if let longer = ids.first(where: { $0.hasPrefix(id + ".") }) {
            log.error("la donnée « \(id) » est aussi le début de « \(longer) » : un fait ne peut être à la fois une valeur et un groupe de faits ; renommez l'une des deux", at: value.mark, path: path)
        }
        guard var fields = Fields(value, path: path, log: log) else { return nil }
        let values = fields.optional("values")
        let type = fields.required("type", what: inputTypeNames).flatMap { inputType($0, values: values, id: id, path: path) }
        let question = fields.required("question", what: "la question posée au demandeur, en français").flatMap { log.text($0, path: "\(path).question") }
        let help = fields.optional("help").flatMap { log.text($0, path: "\(path).help") }
        let piece = fields.optional("piece").flatMap { pieceReference($0, path: "\(path).piece") }
        let confirm = fields.optional("confirm").flatMap { log.boolean($0, path: "\(path).confirm") } ?? false
        let minimum = fields.optional("min").flatMap { bound($0, type: type, path: "\(path).min") }
        let maximum = fields.optional("max").flatMap { bound($0, type: type, path: "\(path).max") }
        let defaultValue = fields.optional("default").flatMap { self.defaultValue($0, type: type, path: "\(path).default") }
        let perMonth = fields.optional("per_month").flatMap { log.boolean($0, path: "\(path).per_month") } ?? false
        let personal = fields.optional("personal").flatMap { log.boolean($0, path: "\(path).personal") } ?? false
        let basis = fields.optional("basis").flatMap { node -> Bool? in
            guard node.scalar == "HT", type == .money else {
                log.error("« basis » vaut HT, pour un montant (type: money) que les règles comptent hors taxes : corrigez la valeur ou retirez le champ", at: node.mark, path: "\(path).basis")
                return nil
            }
            return true
        }
        let statement = fields.optional("statement")
        fields.rejectUnknown()
        guard let type, let question else { return nil }
        var input = InputDefinition(id: id, type: type, question: question, help: help, piece: piece, confirm: confirm,
                                    minimum: minimum, maximum: maximum, defaultValue: defaultValue, perMonth: perMonth,
                                    personal: personal, mark: value.mark)
        input.exclusiveOfTax = basis ?? false
        input.statementNode = statement
        return input
    }

    /// Each input's `statement`, read once the parameters are known, since it may name them.
    func statements(_ inputs: [InputDefinition]) -> [InputDefinition] {
        inputs.map { input in
            var input = input
            if let node = input.statementNode {
                input.statement = statement(node, type: input.type, path: "inputs.\(input.id).statement")
                input.statementNode = nil
            }
            return input
        }
    }

    /// `statement`: for a boolean, `{true: …, false: …}`; for an enumeration, a sentence per
    /// value (`{classe: …, inscrit_1: …}`) or a template; otherwise a template where `{value}`
    /// writes the fact (for a set, its values' labels). Templates may name parameters.
    private func statement(_ node: YAMLNode, type: ValueType, path: String) -> InputStatement? {
        let value = InputStatement.valueName
        let names = "ni {value}, le fait, ni un paramètre du dispositif"
        switch type {
        case .boolean:
            guard let pairs = node.mapping else {
                log.error("la phrase d'un fait oui/non en donne deux : statement: {true: « … », false: « … »}", at: node.mark, path: path)
                return nil
            }
            var sentences: [Bool: String] = [:]
            for pair in pairs {
                guard let key = pair.key.scalar, let flag = ["true": true, "false": false][key] else {
                    log.error("attendu true ou false, trouvé \(ScalarParsing.shown(pair.key))", at: pair.key.mark, path: path)
                    continue
                }
                sentences[flag] = template(pair.value, path: "\(path).\(key)")
            }
            for (flag, name) in [(true, "true"), (false, "false")] where sentences[flag] == nil && !pairs.contains(where: { $0.key.scalar == name }) {
                log.error("champ « \(name) » manquant : la phrase qui énonce que le fait est \(flag ? "vrai" : "faux")", at: node.mark, path: path)
            }
            guard let yes = sentences[true], let no = sentences[false] else { return nil }
            return .boolean(whenTrue: yes, whenFalse: no)
        case .enumeration(let domain) where node.mapping != nil:
            var sentences: [String: String] = [:]
            for pair in node.mapping! {
                guard let key = pair.key.scalar, domain.values.contains(key) else {
                    log.error("\(ScalarParsing.shown(pair.key)) n'est pas une valeur de cette donnée ; ses valeurs sont : \(domain.values.joined(separator: ", "))",
                              at: pair.key.mark, path: path)
                    continue
                }
                if let sentence = template(pair.value, path: "\(path).\(key)") { sentences[key] = sentence }
            }
            let absent = domain.values.filter { value in !node.mapping!.contains { $0.key.scalar == value } }
            if !absent.isEmpty {
                log.error("il manque la phrase de \(absent.map { "« \($0) »" }.joined(separator: ", ")) : donnez-en une par valeur, ou une seule phrase avec {value}",
                          at: node.mark, path: path)
                return nil
            }
            return sentences.count == domain.values.count ? .perValue(sentences) : nil
        case .set where node.mapping != nil:
            var fields = Fields(node, path: path, log: log)
            let none = fields?.required("none", what: "la phrase quand aucune valeur n'est donnée").flatMap { template($0, path: "\(path).none") }
            let some = fields?.required("some", what: "la phrase où {value} écrit les valeurs données").flatMap { template($0, path: "\(path).some", also: [value], what: names) }
            fields?.rejectUnknown()
            guard let none, let some else { return nil }
            guard ParameterText.names(in: some).contains(value) else {
                log.error("la phrase doit écrire les valeurs : placez {value} là où elles vont", at: node.mark, path: "\(path).some")
                return nil
            }
            return .set(none: none, some: some)
        default:
            guard node.scalar != nil else {
                log.error("attendu une phrase où {value} écrit le fait (« La dépense éligible s'élève à {value}. »), trouvé \(node.kindName)", at: node.mark, path: path)
                return nil
            }
            guard let text = template(node, path: path, also: [value], what: names) else { return nil }
            guard ParameterText.names(in: text).contains(value) else {
                log.error("la phrase doit écrire le fait : placez {value} là où il va", at: node.mark, path: path)
                return nil
            }
            return .template(text)
        }
    }

    private var inputTypeNames: String {
        "l'un des types boolean, integer, number, money, rate, date, text, enum, set"
    }

    private func inputType(_ node: YAMLNode, values: YAMLNode?, id: String, path: String) -> ValueType? {
        guard let name = log.text(node, path: "\(path).type") else { return nil }
        let simple: [String: ValueType] = [
            "boolean": .boolean, "integer": .integer, "number": .number, "money": .money,
            "rate": .rate, "date": .date, "text": .text,
        ]
        if let type = simple[name] {
            if let values { log.error("« values » ne vaut que pour les données de type enum et set : retirez-le", at: values.mark, path: "\(path).values") }
            return type
        }
        guard name == "enum" || name == "set" else {
            log.error("type \(ScalarParsing.quoted(name)) inconnu ; écrivez \(inputTypeNames)", at: node.mark, path: "\(path).type")
            return nil
        }
        guard let values else {
            log.error("une donnée de type \(name) demande « values » : les valeurs admises et leurs libellés en français", at: node.mark, path: path)
            return nil
        }
        guard let domain = enumDomain(values, name: id, path: "\(path).values") else { return nil }
        return name == "enum" ? .enumeration(domain) : .set(domain)
    }

    /// `values` as a list of identifiers, or a mapping from each identifier to its French label.
    private func enumDomain(_ node: YAMLNode, name: String, path: String) -> EnumDomain? {
        var values: [String] = []
        var labels: [String: String] = [:]
        if let items = node.sequence {
            values = items.compactMap { log.identifier($0, path: path) }
        } else if let pairs = node.mapping {
            for pair in pairs {
                guard let value = log.identifier(pair.key, path: path),
                      let label = log.text(pair.value, path: "\(path).\(value)") else { continue }
                values.append(value)
                labels[value] = label
            }
        } else {
            log.error("attendu la liste des valeurs, ou un ensemble de valeurs et de leurs libellés, trouvé \(node.kindName)", at: node.mark, path: path)
            return nil
        }
        guard !values.isEmpty else {
            log.error("« values » doit donner au moins une valeur", at: node.mark, path: path)
            return nil
        }
        return EnumDomain(name: name, values: values, labels: labels)
    }

    private func bound(_ node: YAMLNode, type: ValueType?, path: String) -> DecimalNumber? {
        guard let type else { return nil }
        guard type.isNumeric else {
            log.error("« min » et « max » valent pour les nombres, les montants et les taux, pas pour \(type.withArticle)", at: node.mark, path: path)
            return nil
        }
        switch ScalarParsing.value(node, as: type) {
        case .success(let value): return value.decimal
        case .failure(let problem):
            log.error(problem.message, at: node.mark, path: path)
            return nil
        }
    }

    private func defaultValue(_ node: YAMLNode, type: ValueType?, path: String) -> Value? {
        guard let type else { return nil }
        switch ScalarParsing.value(node, as: type) {
        case .success(let value): return value
        case .failure(let problem):
            log.error(problem.message, at: node.mark, path: path)
            return nil
        }
    }

    private func pieceReference(_ node: YAMLNode, path: String) -> String? {
        guard let id = log.text(node, path: path) else { return nil }
        guard pieceIDs.contains(id) else {
            var message = "pièce \(ScalarParsing.quoted(id)) inconnue"
            if let question = Suggestion.question(for: id, among: pieceIDs.sorted()) { message += " ; " + question }
            else { message += " : déclarez-la sous « pieces »" }
            log.error(message, at: node.mark, path: path)
            return nil
        }
        return id
    }

    /// `inputs` are those a parameter's `date` may name.
    func parameters(_ node: YAMLNode, inputs: [InputDefinition]) -> [Parameter] {
        let symbols = symbolTable(inputs: inputs, parameters: [])
        return entries(node, path: "parameters").compactMap { id, value, path in
            guard var fields = Fields(value, path: path, log: log) else { return nil }
            let label = fields.required("label").flatMap { log.text($0, path: "\(path).label") }
            let typeNode = fields.optional("type")
            let declared = typeNode.flatMap { parameterType($0, path: "\(path).type") }
            let single = fields.optional("value")
            let dated = fields.optional("versions")
            let dateNode = fields.optional("date")
            let date = dateNode.flatMap { expression($0, symbols: symbols, expecting: .date, path: "\(path).date") }
            let source = sourceReference(&fields, path: path)
            let unsetNode = fields.optional("unset")
            let unset = unsetNode.flatMap { log.boolean($0, path: "\(path).unset") }
            fields.rejectUnknown()
            if unset == true, let unsetNode {
                return unsetParameter(id, label: label, declared: declared, typeGiven: typeNode != nil,
                                      written: [("value", single), ("versions", dated), ("date", dateNode)],
                                      at: unsetNode.mark, path: path, source: source)
            }
            if dateNode != nil, dated == nil {
                log.error("« date » choisit entre des « versions » datées, et ce paramètre n'a qu'une valeur : retirez « date »", at: value.mark, path: path)
            }
            guard let versions = versions(single: single, dated: dated, declared: declared, at: value.mark, path: path),
                  let label, dateNode == nil || date != nil else { return nil }
            return Parameter(id: id, label: label, type: ParameterTyping.type(of: versions[0].value), versions: versions,
                             date: date, dateFormula: dateNode?.scalar, source: source)
        }
    }

    /// `unset: true`: a value the text does not give, set by the deployment; its type must be
    /// declared, since no value gives it, and no value may be written.
    private func unsetParameter(_ id: String, label: String?, declared: ValueType?, typeGiven: Bool, written: [(String, YAMLNode?)],
                                at mark: SourceMark, path: String, source: String?) -> Parameter? {
        for case let (field, node?) in written {
            log.error("un paramètre sans valeur (unset: true) n'en écrit aucune : retirez « \(field) », ou retirez unset pour donner la valeur que le texte fixe",
                      at: node.mark, path: "\(path).\(field)")
        }
        if !typeGiven {
            log.error("un paramètre sans valeur (unset: true) déclare son type, qu'aucune valeur ne donne : type: money, rate, integer, number, date, boolean ou text",
                      at: mark, path: "\(path).unset")
        }
        guard let label, let declared, written.allSatisfy({ $0.1 == nil }) else { return nil }
        return Parameter(id: id, label: label, type: declared, versions: [], source: source)
    }

    private func parameterType(_ node: YAMLNode, path: String) -> ValueType? {
        let names: [String: ValueType] = ["boolean": .boolean, "integer": .integer, "number": .number,
                                          "money": .money, "rate": .rate, "date": .date, "text": .text]
        guard let name = log.text(node, path: path) else { return nil }
        guard let type = names[name] else {
            log.error("type \(ScalarParsing.quoted(name)) inconnu : le type d'un paramètre est l'un de \(names.keys.sorted().joined(separator: ", "))", at: node.mark, path: path)
            return nil
        }
        return type
    }

    /// `value: 50 %`, or `versions: {2019-01-01: 775 €, 2020-09-01: 1 150 €}` chosen by filing date.
    private func versions(single: YAMLNode?, dated: YAMLNode?, declared: ValueType?, at mark: SourceMark, path: String) -> [Parameter.Version]? {
        switch (single, dated) {
        case (let node?, nil):
            return ParameterTyping.value(node, declared: declared, path: "\(path).value", log: log).map { [Parameter.Version(from: nil, value: $0)] }
        case (nil, let node?):
            return datedVersions(node, declared: declared, path: "\(path).versions")
        case (_?, _?):
            log.error("donnez « value » ou « versions », pas les deux", at: mark, path: path)
            return nil
        case (nil, nil):
            log.error("champ « value » manquant (ou « versions » pour des valeurs qui changent avec la date de décision, ou « unset: true » avec un « type » quand le texte ne donne pas la valeur)", at: mark, path: path)
            return nil
        }
    }

    private func datedVersions(_ node: YAMLNode, declared: ValueType?, path: String) -> [Parameter.Version]? {
        guard let pairs = node.mapping, !pairs.isEmpty else {
            log.error("attendu des dates de début (AAAA-MM-JJ) et leurs valeurs : versions: {2020-09-01: 1 150 €}", at: node.mark, path: path)
            return nil
        }
        var versions: [Parameter.Version] = []
        for pair in pairs {
            guard let text = pair.key.scalar, let date = LocalDate(iso: text) else {
                log.error("attendu une date de début écrite AAAA-MM-JJ, trouvé \(ScalarParsing.shown(pair.key))", at: pair.key.mark, path: path)
                continue
            }
            guard let value = ParameterTyping.value(pair.value, declared: declared, path: "\(path).\(text)", log: log) else { continue }
            if let previous = versions.last {
                guard previous.from.map({ $0 < date }) ?? true else {
                    log.error("les versions se suivent par date croissante : remettez-les dans l'ordre", at: pair.key.mark, path: path)
                    return nil
                }
                guard ParameterTyping.type(of: previous.value) == ParameterTyping.type(of: value) else {
                    log.error("chaque version a le type de la première (montant, taux, nombre…) : écrivez-la de la même façon", at: pair.value.mark, path: "\(path).\(text)")
                    return nil
                }
            }
            versions.append(Parameter.Version(from: date, value: value))
        }
        return versions.isEmpty ? nil : versions
    }
}

/// A parameter's type follows from how its value is written, unless declared.
enum ParameterTyping {
    static func value(_ node: YAMLNode, declared: ValueType?, path: String, log: DiagnosticLog) -> Value? {
        guard let text = node.scalar else {
            log.error("attendu une valeur comme 50 % ou 40 000 €, trouvé \(node.kindName)", at: node.mark, path: path)
            return nil
        }
        let type = declared ?? inferred(text)
        switch ScalarParsing.value(node, as: type) {
        case .success(let value): return value
        case .failure(let problem):
            log.error(problem.message, at: node.mark, path: path)
            return nil
        }
    }

    /// `1.234.567` is an integer (its dots separate thousands); `12.0` is a number; `60,000`
    /// and `60.000` are numbers refused as ambiguous rather than taken for a text or guessed.
    private static func inferred(_ text: String) -> ValueType {
        if text.hasSuffix("%") { return .rate }
        if text.hasSuffix("€") { return .money }
        if text == "true" || text == "false" { return .boolean }
        if LocalDate(iso: text) != nil { return .date }
        // `2.250` could be 2 250 or 2,25: as a number, it is refused with both readings.
        if NumberForms.dotGroupReadings(Substring(text)) != nil { return .number }
        switch DecimalNumber.reading(text) {
        case .number(let number): return number.scale == 0 && number.integerValue() != nil ? .integer : .number
        case .ambiguous: return .number
        case .invalid: return .text
        }
    }

    static func type(of value: Value) -> ValueType {
        TypeChecker.type(ofLiteral: value)
    }
}

import Batch
import Decisions
import Evaluator
import Foundation
import Register
import RuleSet
import SchemeLanguage
import TestSupport
import Testing

/// `Docs/decision.schema.json` against the decisions Guichet writes: every reviewed JSON decision
/// in `Tests/DecisionsTests/Golden`, and decisions rendered here for what the goldens lack (a call's
/// placement, months still to give). A validator for the part of JSON Schema the schema uses
/// is below; the tests at the end prove it refuses what it must, so that none of this passes
/// vacuously.
@Suite struct DecisionSchemaTests {
    static let schemaPath = Repository.path("Docs/decision.schema.json")

    /// The reviewed JSON decisions, by path relative to the golden folder.
    static let goldenFiles: [String] = {
        let root = Repository.path("Tests/DecisionsTests/Golden")
        let all = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        return all.filter { $0.hasSuffix(".json") }.sorted()
    }()

    func validator() throws -> JSONSchemaValidator {
        JSONSchemaValidator(schema: try JSONFile.parse(try Data(contentsOf: URL(fileURLWithPath: Self.schemaPath))))
    }

    func golden(_ name: String) throws -> Any {
        try JSONFile.parse(try Data(contentsOf: URL(fileURLWithPath: Repository.path("Tests/DecisionsTests/Golden/\(name)"))))
    }

    // MARK: - The schema and the decisions

    @Test func theSchemaUsesOnlyWhatTheValidatorImplements() throws {
        let validator = try validator()
        #expect(validator.problems().isEmpty, "\(validator.problems())")
    }

    @Test func theGoldenFilesAreFound() {
        // Both sample folders, every JSON decision: a glob that found nothing would prove nothing.
        #expect(Self.goldenFiles.count >= 39)
        #expect(Self.goldenFiles.contains { $0.hasPrefix("pdesi/") })
        #expect(Self.goldenFiles.contains { $0.hasPrefix("logement/") })
    }

    @Test(arguments: goldenFiles)
    func everyGoldenDecisionValidates(_ name: String) throws {
        let violation = try validator().firstViolation(in: try golden(name))
        #expect(violation == nil, "\(name): \(violation.map(String.init(describing:)) ?? "")")
    }

    /// The scheme test cases of every rules file, rendered as decisions: they reach parts of the
    /// format no golden file holds, such as the months still to give for a fact given by month.
    @Test func theDecisionsOfEverySchemeTestCaseValidate() throws {
        let validator = try validator()
        let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
        var rendered = 0
        var monthsListed = false
        for scheme in catalog.sorted {
            for testCase in scheme.tests {
                let evaluator = SchemeEvaluator(scheme: SchemeTestRunner.settingParameters(of: scheme, for: testCase))
                let text = JSONDecision.render(DecisionRecord(try evaluator.evaluate(testCase.application, referenceDate: testCase.referenceDate)))
                let document = try JSONFile.parse(Data(text.utf8))
                let violation = validator.firstViolation(in: document)
                #expect(violation == nil, "\(scheme.id), « \(testCase.name) »: \(violation.map(String.init(describing:)) ?? "")")
                let missing = (document as? [String: Any])?["missing"] as? [[String: Any]] ?? []
                monthsListed = monthsListed || missing.contains { $0["months"] != nil }
                rendered += 1
            }
        }
        #expect(rendered >= 40)
        #expect(monthsListed, "a test case asks for months: 'missing[].months' is exercised")
    }

    /// A call's decisions carry their placement (`selection`), which `guichet select` writes.
    @Test func theDecisionsOfACallSelectionValidate() throws {
        let validator = try validator()
        let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
        let report = BatchRunner(catalog: catalog, referenceDate: DecisionDay.samples, output: nil, register: try DecisionRegister.inMemory())
            .run(paths: [Repository.path("Applications/medecins")])
        let evaluations: [Evaluation] = report.entries.compactMap { entry in
            if case .decided(let evaluation) = entry.result, evaluation.scheme.id == "medecins-salaries" { return evaluation }
            return nil
        }
        let scheme = try #require(catalog.schemes["medecins-salaries"])
        let selector = try #require(CallSelector(scheme: scheme))
        let result = try selector.select(evaluations)
        var placements: Set<String> = []
        for evaluation in evaluations {
            let placement = result.decisions[evaluation.application.id]
            if let placement { placements.insert(placement.placement.rawValue) }
            let document = try JSONFile.parse(Data(JSONDecision.render(DecisionRecord(evaluation, placement: placement)).utf8))
            let violation = validator.firstViolation(in: document)
            #expect(violation == nil, "\(evaluation.application.id): \(violation.map(String.init(describing:)) ?? "")")
        }
        #expect(placements == ["retenu", "liste d'attente", "non retenu"])
    }

    // MARK: - The validator refuses what it must

    /// A change to a valid decision, and the JSON pointer of the violation it must cause.
    struct Breakage {
        let label: String
        let pointer: String
        /// Object keys and array indices down to the value changed.
        let path: [String]
        /// The new value; nil removes the field.
        let value: Any?
        /// What the message must say.
        var says = ""
    }

    static var breakages: [Breakage] {
        [
            Breakage(label: "a wrong type: facts as a text", pointer: "/criteria/0/facts", path: ["criteria", "0", "facts"], value: "aucun", says: "expected array, found string"),
            Breakage(label: "a wrong type: a count as a text", pointer: "/limits/0/decisions/0/months", path: ["limits", "0", "decisions"],
                     value: [["application": "PDESI-2020-001", "filed": "2020-10-12", "amount": "30000.00", "months": "0"]], says: "expected integer, found string"),
            Breakage(label: "a missing required field", pointer: "/application", path: ["application", "input_sha256"], value: nil, says: "missing required field 'input_sha256'"),
            Breakage(label: "a missing required field at the top", pointer: "", path: ["criteria"], value: nil, says: "missing required field 'criteria'"),
            Breakage(label: "an unknown field", pointer: "/montant", path: ["montant"], value: "40000.00", says: "unknown field 'montant'"),
            Breakage(label: "an unknown nested field", pointer: "/criteria/3/weight", path: ["criteria", "3", "weight"], value: 2, says: "unknown field 'weight'"),
            Breakage(label: "an unknown field whose name needs escaping", pointer: "/a~1b~0c", path: ["a/b~c"], value: true),
            Breakage(label: "a malformed amount: French display", pointer: "/amount", path: ["amount"], value: "40 000,00 €", says: "does not match"),
            Breakage(label: "a malformed amount: no decimals", pointer: "/amount", path: ["amount"], value: "40000"),
            Breakage(label: "a malformed amount: a JSON number", pointer: "/amount", path: ["amount"], value: 40000.5, says: "expected string, found number"),
            Breakage(label: "a malformed amount: an exponent", pointer: "/amount", path: ["amount"], value: "4E+4"),
            Breakage(label: "a malformed amount: a trailing zero too many", pointer: "/amount", path: ["amount"], value: "40000.000"),
            Breakage(label: "an unrounded amount not in canonical form", pointer: "/amount_before_rounding", path: ["amount_before_rounding"], value: "40000.0"),
            Breakage(label: "an outcome outside the enumeration", pointer: "/outcome", path: ["outcome"], value: "accordé", says: "\"accordé\" is not one of"),
            Breakage(label: "a stage outside the enumeration", pointer: "/issuance/stage", path: ["issuance", "stage"], value: "accordée"),
            Breakage(label: "an act without its reference", pointer: "/issuance/act", path: ["issuance", "act"], value: ["body": "commission-permanente", "body_name": "la Commission permanente", "date": "2020-11-30"]),
            Breakage(label: "a missing stage", pointer: "", path: ["issuance"], value: nil, says: "missing required field 'issuance'"),
            Breakage(label: "a verdict outside the enumeration", pointer: "/criteria/2/verdict", path: ["criteria", "2", "verdict"], value: "ok"),
            Breakage(label: "a malformed date", pointer: "/application/filed", path: ["application", "filed"], value: "14/10/2020", says: "\"14/10/2020\" does not match"),
            Breakage(label: "a malformed hash", pointer: "/scheme/rules_sha256", path: ["scheme", "rules_sha256"], value: "ABC"),
            Breakage(label: "another format", pointer: "/format", path: ["format"], value: "guichet-decision/2"),
            Breakage(label: "a boolean for a text", pointer: "/scheme/title", path: ["scheme", "title"], value: true),
            Breakage(label: "a null where null is not allowed", pointer: "/grounds", path: ["grounds"], value: NSNull()),
        ]
    }

    @Test(arguments: breakages.indices)
    func aBrokenDecisionIsRefusedAtItsPointer(_ index: Int) throws {
        let breakage = Self.breakages[index]
        let validator = try validator()
        let document = try golden("pdesi/PDESI-2020-002.json")
        #expect(validator.firstViolation(in: document) == nil, "the document starts valid")
        let broken = JSONFile.setting(document, breakage.path[...], to: breakage.value)
        let violation = validator.firstViolation(in: broken)
        #expect(violation?.pointer == breakage.pointer, "\(breakage.label): \(violation.map(String.init(describing:)) ?? "accepted")")
        #expect(breakage.says.isEmpty || violation?.message.contains(breakage.says) == true, "\(breakage.label): \(violation?.message ?? "accepted")")
    }

    /// The keywords the decision schema uses only in simple ways, each shown to bite.
    @Test func eachKeywordRefusesWhatItShould() throws {
        func violation(_ schema: String, _ instance: String) throws -> JSONSchemaValidator.Violation? {
            let validator = JSONSchemaValidator(schema: try JSONFile.parse(Data(schema.utf8)))
            #expect(validator.problems().isEmpty)
            return validator.firstViolation(in: try JSONFile.parse(Data(instance.utf8)))
        }
        let months = #"{"type": "object", "properties": {"n": {"type": "integer", "minimum": 1}}}"#
        #expect(try violation(months, #"{"n": 3}"#) == nil)
        #expect(try violation(months, #"{"n": 3.0}"#) == nil, "3.0 is an integer in JSON Schema")
        #expect(try violation(months, #"{"n": 0}"#)?.pointer == "/n")
        #expect(try violation(months, #"{"n": 2.5}"#)?.pointer == "/n")
        #expect(try violation(months, #"{"n": true}"#)?.pointer == "/n", "a boolean is not a number")
        let either = #"{"anyOf": [{"type": "null"}, {"type": "string", "pattern": "^[0-9]+$"}]}"#
        #expect(try violation(either, "null") == nil)
        #expect(try violation(either, #""12""#) == nil)
        #expect(try violation(either, #""1a""#)?.pointer == "")
        let exactlyOne = #"{"oneOf": [{"type": "integer"}, {"type": "number"}]}"#
        #expect(try violation(exactlyOne, "1.5") == nil)
        #expect(try violation(exactlyOne, "1")?.pointer == "", "1 is both an integer and a number")
        let list = ##"{"type": "array", "items": {"$ref": "#/$defs/word"}, "$defs": {"word": {"const": "oui"}}}"##
        #expect(try violation(list, #"["oui", "oui"]"#) == nil)
        #expect(try violation(list, #"["oui", "non"]"#)?.pointer == "/1")
        let open = #"{"type": "object", "additionalProperties": {"type": ["string", "null"]}}"#
        #expect(try violation(open, #"{"a": "x", "b": null}"#) == nil)
        #expect(try violation(open, #"{"a": 1}"#)?.pointer == "/a")
        #expect(try violation(#"{"enum": [1, "un", null]}"#, "1.0") == nil, "numbers compare by value")
        #expect(try violation(#"{"enum": [1, "un", null]}"#, "true")?.pointer == "")
        // A keyword the validator does not implement is a problem of the schema, never ignored.
        let unknown = JSONSchemaValidator(schema: try JSONFile.parse(Data(#"{"type": "string", "maxLength": 3}"#.utf8)))
        #expect(unknown.problems() == ["/maxLength: unsupported keyword"])
        #expect(unknown.firstViolation(in: "abcd")?.message == "the schema uses 'maxLength', which this validator does not implement")
    }
}

// MARK: - JSON values

/// Parsing with Foundation; `JSONFile.kind` tells a boolean from a number, which `NSNumber` hides.
enum JSONFile {
    static func parse(_ data: Data) throws -> Any {
        try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    enum Kind: String {
        case null, boolean, integer, number, string, array, object
    }

    /// The JSON type of a parsed value; `.integer` for a number with no fractional part (`3.0`
    /// too, as JSON Schema has it).
    static func kind(_ value: Any) -> Kind {
        switch value {
        case is NSNull: return .null
        case is String: return .string
        case is [Any]: return .array
        case is [String: Any]: return .object
        case let number as NSNumber:
            // Foundation gives JSON's true and false as char-typed numbers, and numbers never so.
            if String(cString: number.objCType) == "c" { return .boolean }
            let double = number.doubleValue
            return double.rounded() == double && double.isFinite ? .integer : .number
        default: return .null
        }
    }

    /// `value` with the value at `path` (object keys, array indices) replaced, or removed when
    /// `newValue` is nil.
    static func setting(_ value: Any, _ path: ArraySlice<String>, to newValue: Any?) -> Any {
        guard let key = path.first else { return newValue ?? NSNull() }
        if var object = value as? [String: Any] {
            if path.count == 1 { object[key] = newValue } else { object[key] = setting(object[key] ?? NSNull(), path.dropFirst(), to: newValue) }
            return object
        }
        if var array = value as? [Any], let index = Int(key), array.indices.contains(index) {
            array[index] = setting(array[index], path.dropFirst(), to: newValue)
            return array
        }
        return value
    }

    /// JSON equality: numbers by value, strings by Unicode scalars, a boolean never a number.
    static func equal(_ a: Any, _ b: Any) -> Bool {
        let (kindA, kindB) = (kind(a), kind(b))
        let numeric: Set<Kind> = [.integer, .number]
        guard kindA == kindB || (numeric.contains(kindA) && numeric.contains(kindB)) else { return false }
        switch kindA {
        case .null: return true
        case .boolean: return (a as! NSNumber).boolValue == (b as! NSNumber).boolValue
        case .integer, .number: return (a as! NSNumber).doubleValue == (b as! NSNumber).doubleValue
        case .string: return (a as! String).unicodeScalars.elementsEqual((b as! String).unicodeScalars)
        case .array:
            let (x, y) = (a as! [Any], b as! [Any])
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case .object:
            let (x, y) = (a as! [String: Any], b as! [String: Any])
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { equal(value, $0) } ?? false }
        }
    }
}

// MARK: - The validator

/// Validates JSON values against a JSON Schema (draft 2020-12), for the keywords the decision
/// schema uses: `type` (one or a list), `const`, `enum`, `pattern`, `minimum`, `properties`,
/// `required`, `additionalProperties` (false or a schema), `items` (one schema), `anyOf`,
/// `oneOf`, `allOf` and `$ref` to a place in the same document (`#/$defs/money`). Annotations
/// (`$schema`, `$id`, `$comment`, `title`, `description`, `$defs`) are read and ignored. Any other
/// keyword is reported by `problems()` and fails validation: never silently skipped.
///
/// The first violation is reported with the JSON pointer (RFC 6901) of the value at fault: for a
/// missing required field, the object that lacks it; for a field no `properties` allow, the field.
/// Keywords are checked in the order above, object fields in the order of their names.
struct JSONSchemaValidator {
    struct Violation: CustomStringConvertible, Equatable {
        let pointer: String
        let message: String
        var description: String { "\(pointer.isEmpty ? "(root)" : pointer): \(message)" }
    }

    static let assertions: [String] = [
        "type", "const", "enum", "pattern", "minimum", "required", "properties", "additionalProperties",
        "items", "allOf", "anyOf", "oneOf", "$ref",
    ]
    static let annotations: Set<String> = ["$schema", "$id", "$comment", "title", "description", "$defs"]

    let root: Any

    init(schema: Any) {
        root = schema
    }

    /// What in the schema this validator cannot honour: unsupported keywords, unresolved `$ref`s,
    /// malformed patterns. Empty for a schema it validates faithfully.
    func problems() -> [String] {
        var found: [String] = []
        func walk(_ schema: Any, _ at: String) {
            if schema is Bool { return }
            guard let object = schema as? [String: Any] else {
                found.append("\(at): a schema is an object or a boolean")
                return
            }
            for (key, value) in object.sorted(by: { $0.key < $1.key }) {
                let here = "\(at)/\(Self.escaped(key))"
                switch key {
                case "properties", "$defs":
                    for (name, sub) in (value as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                        walk(sub, "\(here)/\(Self.escaped(name))")
                    }
                case "additionalProperties", "items": walk(value, here)
                case "allOf", "anyOf", "oneOf":
                    for (index, sub) in (value as? [Any] ?? []).enumerated() { walk(sub, "\(here)/\(index)") }
                case "$ref":
                    if resolve(value as? String ?? "") == nil { found.append("\(here): unresolved reference \(value)") }
                case "pattern":
                    if (try? NSRegularExpression(pattern: value as? String ?? "(")) == nil { found.append("\(here): malformed pattern") }
                case _ where Self.assertions.contains(key) || Self.annotations.contains(key): break
                default: found.append("\(here): unsupported keyword")
                }
            }
        }
        walk(root, "")
        return found
    }

    func firstViolation(in instance: Any) -> Violation? {
        check(instance, against: root, at: "")
    }

    /// `#` or `#/a/b` in the schema itself.
    private func resolve(_ reference: String) -> Any? {
        guard reference.hasPrefix("#") else { return nil }
        var node: Any = root
        let pointer = reference.dropFirst()
        guard !pointer.isEmpty else { return root }
        guard pointer.hasPrefix("/") else { return nil }
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let object = node as? [String: Any], let next = object[key] { node = next }
            else if let array = node as? [Any], let index = Int(key), array.indices.contains(index) { node = array[index] }
            else { return nil }
        }
        return node
    }

    static func escaped(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    private func check(_ value: Any, against schema: Any, at pointer: String) -> Violation? {
        if let flag = schema as? Bool, JSONFile.kind(schema) == .boolean {
            return flag ? nil : Violation(pointer: pointer, message: "no value is allowed here")
        }
        guard let schema = schema as? [String: Any] else {
            return Violation(pointer: pointer, message: "the schema here is neither an object nor a boolean")
        }
        for key in schema.keys.sorted() where !Self.assertions.contains(key) && !Self.annotations.contains(key) {
            return Violation(pointer: pointer, message: "the schema uses '\(key)', which this validator does not implement")
        }
        let kind = JSONFile.kind(value)
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [type as? String ?? ""]
            let matches = allowed.contains(kind.rawValue) || (kind == .integer && allowed.contains("number"))
            if !matches {
                return Violation(pointer: pointer, message: "expected \(allowed.joined(separator: " or ")), found \(kind.rawValue)")
            }
        }
        if let constant = schema["const"], !JSONFile.equal(value, constant) {
            return Violation(pointer: pointer, message: "expected \(Self.shown(constant)), found \(Self.shown(value))")
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { JSONFile.equal(value, $0) }) {
            return Violation(pointer: pointer, message: "\(Self.shown(value)) is not one of \(options.map(Self.shown).joined(separator: ", "))")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String, kind == .string {
            let expression = try? NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            if expression?.firstMatch(in: text, range: range) == nil {
                return Violation(pointer: pointer, message: "\(Self.shown(value)) does not match \(pattern)")
            }
        }
        if let minimum = schema["minimum"] as? NSNumber, kind == .integer || kind == .number,
           (value as! NSNumber).doubleValue < minimum.doubleValue {
            return Violation(pointer: pointer, message: "\(Self.shown(value)) is less than \(minimum)")
        }
        if let object = value as? [String: Any], kind == .object {
            for name in (schema["required"] as? [String] ?? []) where object[name] == nil {
                return Violation(pointer: pointer, message: "missing required field '\(name)'")
            }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in object.keys.sorted() {
                let child = "\(pointer)/\(Self.escaped(name))"
                if let sub = properties[name] {
                    if let violation = check(object[name]!, against: sub, at: child) { return violation }
                } else if let additional = schema["additionalProperties"] {
                    if JSONFile.kind(additional) == .boolean, (additional as! NSNumber).boolValue == false {
                        return Violation(pointer: child, message: "unknown field '\(name)'")
                    }
                    if let violation = check(object[name]!, against: additional, at: child) { return violation }
                }
            }
        }
        if let items = schema["items"], let array = value as? [Any], kind == .array {
            for (index, item) in array.enumerated() {
                if let violation = check(item, against: items, at: "\(pointer)/\(index)") { return violation }
            }
        }
        for sub in schema["allOf"] as? [Any] ?? [] {
            if let violation = check(value, against: sub, at: pointer) { return violation }
        }
        if let alternatives = schema["anyOf"] as? [Any] {
            let failures = alternatives.compactMap { check(value, against: $0, at: pointer) }
            if failures.count == alternatives.count {
                return Violation(pointer: pointer, message: "matches none of the alternatives: "
                                 + failures.map(\.description).joined(separator: "; "))
            }
        }
        if let alternatives = schema["oneOf"] as? [Any] {
            let passed = alternatives.filter { check(value, against: $0, at: pointer) == nil }.count
            if passed != 1 {
                return Violation(pointer: pointer, message: "matches \(passed) of the alternatives, exactly one expected")
            }
        }
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference) else {
                return Violation(pointer: pointer, message: "unresolved reference \(reference)")
            }
            if let violation = check(value, against: target, at: pointer) { return violation }
        }
        return nil
    }

    static func shown(_ value: Any) -> String {
        switch JSONFile.kind(value) {
        case .null: "null"
        case .string: "\"\(value as! String)\""
        case .boolean: (value as! NSNumber).boolValue ? "true" : "false"
        case .integer, .number: "\(value)"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

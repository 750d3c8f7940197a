import ApplicationForms
import Foundation
import YAMLReader

/// A YAML document as an editor's YAML extension sees it (YAML 1.2 core schema): plain `true`
/// and `false` are booleans, plain numbers are numbers, everything else a string.
enum EditorView {
    static func json(_ node: YAMLNode) -> JSON {
        switch node.content {
        case .mapping(let pairs): return .object(pairs.map { ($0.key.scalar ?? "", json($0.value)) })
        case .sequence(let items): return .array(items.map(json))
        case .scalar(let text):
            if node.isNull { return .null }
            guard node.isPlainScalar, node.tag == nil else { return .string(text) }
            if ["true", "True", "TRUE"].contains(text) { return .boolean(true) }
            if ["false", "False", "FALSE"].contains(text) { return .boolean(false) }
            if text.wholeMatch(of: /[-+]?[0-9]+/) != nil, let value = Int(text) { return .integer(value) }
            if text.wholeMatch(of: /[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/) != nil { return .number(text) }
            return .string(text)
        }
    }
}

/// The JSON Schema keywords `guichet schema` writes, checked as draft 2020-12 says: enough to
/// tell whether a document fits, and where it does not. (CI also checks the schemas with the
/// reference `jsonschema` package: Scripts/check-application-schemas.)
struct SchemaValidator {
    let schema: JSON

    /// The paths where `value` breaks the schema; empty when it fits.
    func errors(_ value: JSON) -> [String] { errors(value, schema, path: "$") }

    private func errors(_ value: JSON, _ schema: JSON, path: String) -> [String] {
        guard case .object(let keywords) = schema else { return [] }
        var found: [String] = []
        for (keyword, argument) in keywords {
            found += check(keyword, argument, value, schema: schema, path: path)
        }
        return found
    }

    private func check(_ keyword: String, _ argument: JSON, _ value: JSON, schema: JSON, path: String) -> [String] {
        switch keyword {
        case "type": return typeMatches(value, argument) ? [] : ["\(path): type \(argument.text)"]
        case "const": return argument == value ? [] : ["\(path): const"]
        case "enum":
            guard case .array(let options) = argument else { return [] }
            return options.contains(value) ? [] : ["\(path): enum"]
        case "required":
            guard case .array(let names) = argument, case .object(let pairs) = value else { return [] }
            return names.compactMap { name in
                guard case .string(let key) = name, !pairs.contains(where: { $0.0 == key }) else { return nil }
                return "\(path): required \(key)"
            }
        case "properties", "additionalProperties", "propertyNames":
            return objectErrors(keyword, argument, value, schema: schema, path: path)
        case "items", "uniqueItems", "minItems":
            return arrayErrors(keyword, argument, value, path: path)
        case "anyOf":
            guard case .array(let options) = argument else { return [] }
            return options.contains { errors(value, $0, path: path).isEmpty } ? [] : ["\(path): anyOf"]
        case "oneOf":
            guard case .array(let options) = argument else { return [] }
            return options.filter { errors(value, $0, path: path).isEmpty }.count == 1 ? [] : ["\(path): oneOf"]
        case "pattern":
            guard case .string(let pattern) = argument, case .string(let text) = value else { return [] }
            return text.range(of: pattern, options: .regularExpression) != nil ? [] : ["\(path): pattern"]
        case "maxLength":
            guard case .integer(let limit) = argument, case .string(let text) = value else { return [] }
            return text.unicodeScalars.count <= limit ? [] : ["\(path): maxLength"]
        case "minimum", "maximum":
            guard let bound = Self.number(argument), let number = Self.number(value) else { return [] }
            return (keyword == "minimum" ? number >= bound : number <= bound) ? [] : ["\(path): \(keyword)"]
        default: return []
        }
    }

    private func objectErrors(_ keyword: String, _ argument: JSON, _ value: JSON, schema: JSON, path: String) -> [String] {
        guard case .object(let pairs) = value else { return [] }
        switch keyword {
        case "properties":
            return pairs.flatMap { key, child in argument[key].map { errors(child, $0, path: "\(path).\(key)") } ?? [] }
        case "additionalProperties":
            let declared = schema["properties"]
            return pairs.filter { declared?[$0.0] == nil }.flatMap { key, child -> [String] in
                if case .boolean(false) = argument { return ["\(path): additional property \(key)"] }
                return errors(child, argument, path: "\(path).\(key)")
            }
        default:
            return pairs.flatMap { errors(.string($0.0), argument, path: "\(path).\($0.0) (name)") }
        }
    }

    private func arrayErrors(_ keyword: String, _ argument: JSON, _ value: JSON, path: String) -> [String] {
        guard case .array(let items) = value else { return [] }
        switch keyword {
        case "items": return items.enumerated().flatMap { errors($1, argument, path: "\(path)[\($0)]") }
        case "uniqueItems": return Set(items.map(\.text)).count == items.count ? [] : ["\(path): uniqueItems"]
        default:
            guard case .integer(let minimum) = argument else { return [] }
            return items.count >= minimum ? [] : ["\(path): minItems"]
        }
    }

    private func typeMatches(_ value: JSON, _ type: JSON) -> Bool {
        if case .array(let types) = type { return types.contains { typeMatches(value, $0) } }
        guard case .string(let name) = type else { return false }
        switch (name, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .boolean), ("null", .null),
             ("integer", .integer), ("number", .integer), ("number", .number): return true
        default: return false
        }
    }

    private static func number(_ value: JSON) -> Double? {
        switch value {
        case .integer(let integer): Double(integer)
        case .number(let text): Double(text)
        default: nil
        }
    }
}

import Decisions
import ExactDecimal
import SchemeLanguage

/// The schemes as the API describes them: `GET /schemes` lists them, `GET /schemes/{id}`
/// gives one with its questions, its parameters with their dated values and its sources — what
/// a program needs to build an application file, as `guichet explain` gives it to a person.
enum SchemeDescriptions {
    static func list(_ catalog: [Scheme]) -> [UInt8] {
        var writer = JSONWriter(capacity: 2_048)
        writer.object { body in
            body.array("schemes") { list in
                for scheme in catalog { list.object { summary(&$0, scheme) } }
            }
        }
        writer.endLine()
        return writer.bytes
    }

    static func detail(_ scheme: Scheme) -> [UInt8] {
        var writer = JSONWriter(capacity: 16_384)
        writer.object { body in
            summary(&body, scheme)
            body.array("questions") { list in
                // The facts a financing plan gives are read from the plan, never asked.
                for input in scheme.inputs where input.planFigure == nil { list.object { question(&$0, input) } }
            }
            body.array("parameters") { list in
                for parameter in scheme.parameters { list.object { self.parameter(&$0, parameter) } }
            }
            body.array("pieces") { list in
                for piece in scheme.pieces {
                    list.object { item in
                        item.string("id", piece.id)
                        item.string("label", piece.label)
                        item.string("source", piece.source)
                    }
                }
            }
            body.array("sources") { list in
                for source in scheme.sources { list.object { self.source(&$0, source) } }
            }
        }
        writer.endLine()
        return writer.bytes
    }

    private static func summary(_ body: inout JSONWriter, _ scheme: Scheme) {
        body.string("id", scheme.id)
        body.string("title", scheme.title)
        body.string("kind", scheme.kind.rawValue)
        body.string("kind_label", scheme.kind.frenchName)
        body.string("family", scheme.family)
        body.string("authority", scheme.authority.name)
        body.object("in_force") { window in
            window.string("from", scheme.inForce?.from?.description)
            window.string("until", scheme.inForce?.until?.description)
        }
    }

    private static func question(_ item: inout JSONWriter, _ input: InputDefinition) {
        item.string("id", input.id)
        item.string("question", input.question)
        item.string("help", input.help)
        valueType(&item, input.type)
        item.string("piece", input.piece)
        item.bool("confirmed_by_instructor", input.confirm)
        item.bool("per_month", input.perMonth)
        if input.exclusiveOfTax { item.string("basis", "HT") }
        item.string("minimum", input.minimum?.description)
        item.string("maximum", input.maximum?.description)
        item.string("default", input.defaultValue.map(FrenchFormat.canonical))
    }

    /// A type, and for a choice its codes with their French labels: what to write, and what it means.
    private static func valueType(_ item: inout JSONWriter, _ type: ValueType) {
        switch type {
        case .enumeration(let domain), .set(let domain):
            item.string("type", type == .enumeration(domain) ? "enumeration" : "set")
            item.array("choices") { list in
                for value in domain.values {
                    list.object { choice in
                        choice.string("code", value)
                        choice.string("label", domain.label(of: value))
                    }
                }
            }
        default:
            item.string("type", type.description)
        }
    }

    private static func parameter(_ item: inout JSONWriter, _ parameter: Parameter) {
        item.string("id", parameter.id)
        item.string("label", parameter.label)
        item.string("type", parameter.type.description)
        item.string("source", parameter.source)
        item.string("date", parameter.dateFormula)
        item.array("versions") { list in
            for version in parameter.versions {
                list.object { entry in
                    entry.string("from", version.from?.description)
                    entry.string("value", FrenchFormat.canonical(version.value))
                    entry.string("text", FrenchFormat.value(version.value, type: parameter.type))
                    entry.bool("fictitious", version.fictitious)
                }
            }
        }
    }

    private static func source(_ item: inout JSONWriter, _ source: SourceReference) {
        item.string("id", source.id)
        item.string("citation", source.citation)
        item.string("lines", source.lines)
        item.string("quote", source.quote)
        item.string("summary", source.summary)
    }
}

import CYAML

/// Turns libyaml's terse error fields into a located, actionable ``YAMLError``, in French
/// (``LibYAMLWording``). The hints are chosen on libyaml's own English texts.
enum ParserDiagnostics {
    /// `firstLine` counts the lines of the file before the input's first byte (a document read
    /// again from its place, `DocumentPlace`): libyaml counts its lines from the input's start.
    static func error(from parser: UnsafeMutablePointer<yaml_parser_t>, input: SourceProbe, file: String,
                      firstLine: Int = 0) -> YAMLError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "erreur inconnue"
        switch p.error {
        case YAML_MEMORY_ERROR:
            return YAMLError(message: "mémoire insuffisante pour lire le YAML", mark: mark(p.problem_mark, file, firstLine))
        case YAML_READER_ERROR:
            return readerError(problem, offset: Int(p.problem_offset), value: Int(p.problem_value),
                               input: input, file: file, firstLine: firstLine)
        default:
            return syntaxError(problem, parser: p, input: input, file: file, firstLine: firstLine)
        }
    }

    private static func mark(_ m: yaml_mark_t, _ file: String, _ firstLine: Int) -> SourceMark {
        SourceMark(file: file, line: firstLine + Int(m.line) + 1, column: Int(m.column) + 1)
    }

    /// Decoding errors come with a byte offset only, so the line and column are recomputed.
    private static func readerError(_ problem: String, offset: Int, value: Int,
                                    input: SourceProbe, file: String, firstLine: Int) -> YAMLError {
        let (line, column) = input.position(ofByte: offset)
        let at = SourceMark(file: file, line: firstLine + line + 1, column: column + 1)
        let message: String
        switch problem {
        case "input error":
            message = "lecture du fichier impossible (erreur d'entrée) : vérifiez que c'est un fichier ordinaire lisible"
        case "control characters are not allowed":
            message = "le caractère de contrôle \(hex(value, prefix: "U+")) n'est pas admis en YAML : "
                + "retirez-le (est-ce un fichier binaire ?)"
        default:
            let encoding = problem.contains("UTF-16") || problem.contains("surrogate") ? "UTF-16" : "UTF-8"
            let detail = value >= 0 && encoding == "UTF-8" ? " (octet \(hex(value, prefix: "0x")))" : ""
            message = "le texte n'est pas de l'\(encoding) valide : \(LibYAMLWording.problem(problem))\(detail) ; "
                + "enregistrez le fichier en UTF-8 (est-ce un fichier binaire ?)"
        }
        return YAMLError(message: message, mark: at)
    }

    private static func syntaxError(_ problem: String, parser p: yaml_parser_t,
                                    input: SourceProbe, file: String, firstLine: Int) -> YAMLError {
        let at = p.problem_mark
        let context = p.context.map { String(cString: $0) }
        var message = LibYAMLWording.problem(problem)
        if let context {
            let started = p.context_mark
            let scope = LibYAMLWording.context(context)
            // libyaml often repeats the problem position as the context start; saying it twice is noise.
            message = started.line == at.line && started.column == at.column
                ? "\(scope) : \(message)"
                : "\(scope) (commencé ligne \(firstLine + Int(started.line) + 1), colonne \(started.column + 1)) : \(message)"
        }
        let place = (line: Int(at.line), column: Int(at.column))
        if let hint = hint(problem: problem, context: context ?? "", input: input, at: place) {
            message += " ; " + hint
        }
        return YAMLError(message: message, mark: mark(at, file, firstLine))
    }

    /// What to do about the most common mistakes, phrased for people editing rule files by hand.
    private static func hint(problem: String, context: String, input: SourceProbe,
                             at place: (line: Int, column: Int)) -> String? {
        // Rescanning the source is only worth it for the messages that depend on it.
        var atEnd: Bool { input.isBlank(fromLine: place.line, column: place.column) }
        if problem.contains("tab character") || (problem.contains("cannot start any token")
            && input.leadByte(line: place.line, column: place.column) == UInt8(ascii: "\t")) {
            return "une tabulation ne peut servir de retrait en YAML : mettez des espaces"
        }
        if context.contains("quoted scalar"), problem.contains("end of stream") {
            return "le texte s'arrête dans une valeur entre guillemets : ajoutez le guillemet fermant"
        }
        if context.contains("flow sequence") {
            return atEnd ? "le texte s'arrête avant la fin de la liste : ajoutez le « ] » manquant"
                : "séparez les éléments par « , » et fermez la liste par « ] »"
        }
        if context.contains("flow mapping") {
            return atEnd ? "le texte s'arrête avant la fin de l'ensemble de champs : ajoutez le « } » manquant"
                : "séparez les champs par « , » et fermez l'ensemble par « } »"
        }
        return commonHint(problem)
    }

    /// The hints that depend on the problem alone.
    private static func commonHint(_ problem: String) -> String? {
        if problem.contains("end of stream") {
            return "le texte s'arrête trop tôt : vérifiez qu'aucun guillemet ni crochet fermant ne manque"
        }
        if problem.contains("cannot start any token") {
            return "des caractères comme « @ » et « ` » ne peuvent commencer une valeur sans guillemets : mettez la valeur entre guillemets"
        }
        if problem.contains("mapping values are not allowed") {
            return "un « : » suivi d'une espace dans une valeur commence une nouvelle clé : mettez la valeur entre guillemets ou corrigez le retrait"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return "vérifiez le retrait : les éléments d'un même ensemble de champs ou d'une même liste commencent à la même colonne"
        }
        if problem.contains("could not find expected ':'") {
            return "une clé est suivie de « : » sur la même ligne : vérifiez le retrait, ou mettez le texte entre guillemets"
        }
        return nil
    }

    private static func hex(_ value: Int, prefix: String) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return prefix + String(repeating: "0", count: max(0, (prefix == "U+" ? 4 : 2) - digits.count)) + digits
    }
}

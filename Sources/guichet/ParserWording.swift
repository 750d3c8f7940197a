import ArgumentParser
import Service
import Foundation
import Platform

/// swift-argument-parser writes its help screens and its usage errors in English; the tool
/// speaks French. Its fixed words — headings, the help and version flags, « (default: …) »,
/// its usage errors — are put in French here, on the text it generated, and on nothing else: a
/// completion script and the JSON dump the man page is made from are printed as they are (a
/// quote put into a shell script would break it). A wording this table does not know — from a
/// later version of the library — stays as the library wrote it.
enum ParserWording {
    /// The text to print for an error the parser or a command threw: French when it is a help
    /// screen or a usage error.
    static func shown(_ text: String, exitCode: ExitCode) -> String {
        guard exitCode != .success || isHelpScreen(text) else { return text }
        return french(text)
    }

    private static func isHelpScreen(_ text: String) -> Bool {
        text.hasPrefix("OVERVIEW: ") || text.hasPrefix("USAGE: ")
    }

    static func french(_ text: String) -> String {
        var result = reindentingUsage(text)
        for (english, french) in phrases { result = result.replacingOccurrences(of: english, with: french) }
        for (pattern, template) in patterns {
            result = result.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return keepingPunctuation(result)
    }

    /// The library wraps lines at any space: « : », « ; », « ? », « ! » and « » » would start a
    /// line, and « « » end one. Each goes back beside its word, after a no-break space, as
    /// French typography keeps them.
    private static func keepingPunctuation(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var emptied: Set<Int> = []
        for index in lines.indices.dropFirst() {
            let indent = lines[index].prefix { $0 == " " }
            let rest = lines[index].dropFirst(indent.count)
            guard let mark = rest.first, ":;?!»".contains(mark), rest.count == 1 || rest.dropFirst().first == " ",
                  !lines[index - 1].allSatisfy({ $0 == " " }) else { continue }
            lines[index - 1] += "\u{00A0}" + String(mark)
            let remainder = rest.dropFirst().drop { $0 == " " }
            lines[index] = String(indent + remainder)
            if remainder.isEmpty { emptied.insert(index) }
        }
        for index in lines.indices.dropLast() where lines[index].hasSuffix(" «") {
            lines[index].removeLast(2)
            let indent = lines[index + 1].prefix { $0 == " " }
            lines[index + 1] = String(indent) + "«\u{00A0}" + lines[index + 1].dropFirst(indent.count)
        }
        return lines.indices.filter { !emptied.contains($0) }.map { lines[$0] }.joined(separator: "\n")
    }

    /// « UTILISATION : » is seven characters longer than « USAGE: »: the lines a long usage
    /// wraps onto keep their hanging indent under the command.
    private static func reindentingUsage(_ text: String) -> String {
        var inUsage = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("USAGE: ") || line.hasPrefix("Usage: ") {
                inUsage = true
                return String(line)
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty || !line.hasPrefix("       ") { inUsage = false }
            return inUsage ? String(repeating: " ", count: 7) + line : String(line)
        }.joined(separator: "\n")
    }

    /// Fixed words, replaced as they are.
    private static let phrases: [(String, String)] = [
        ("OVERVIEW: ", "DESCRIPTION : "),
        ("USAGE: ", "UTILISATION : "),
        ("Usage: ", "Utilisation : "),
        ("\nARGUMENTS:\n", "\nARGUMENTS :\n"),
        ("\nOPTIONS:\n", "\nOPTIONS :\n"),
        ("\nSUBCOMMANDS:\n", "\nSOUS-COMMANDES :\n"),
        ("Help:  ", "Aide : "),
        ("<subcommand>", "<sous-commande>"),
        ("Show subcommand help information.", "Affiche l'aide d'une sous-commande."),
        ("Show help information.", "Affiche l'aide."),
        ("Show the version.", "Affiche la version."),
        ("Missing required subcommand.", "sous-commande manquante : donnez-en une (voir la liste ci-dessous)."),
        (" (default)", " (par défaut)"),
    ]

    /// Worded messages, by pattern: the quoted parts come back between guillemets.
    private static let patterns: [(String, String)] = [
        (#"See '([^'\n]+) <sous-commande>' for detailed help\."#, "« $1 <sous-commande> » décrit chaque sous-commande."),
        (#"See '([^'\n]+)' for more information\."#, "« $1 » en dit plus."),
        // The wrapped help may break a line inside the parentheses: only their opening words change.
        (#"\(default as flag:(\s)"#, "(par défaut, comme drapeau :$1"),
        (#"; default as flag:(\s)"#, " ; par défaut, comme drapeau :$1"),
        (#"\(values:(\s)"#, "(valeurs :$1"),
        (#"; default:(\s)"#, " ; par défaut :$1"),
        (#"\(default:(\s)"#, "(par défaut :$1"),
        (#"Missing expected argument '([^'\n]*)'"#, "argument attendu manquant : « $1 »"),
        (#"Missing one of: '([^\n]*)'"#, "il manque l'un de : « $1 »"),
        (#"Unknown option '([^'\n]*)'\. Did you mean '([^'\n]*)'\?"#, "option « $1 » inconnue ; vouliez-vous dire « $2 » ?"),
        (#"Unknown option '([^'\n]*)'"#, "option « $1 » inconnue"),
        (#"Missing value for '([^'\n]*)'"#, "valeur manquante pour « $1 »"),
        (#"Unexpected argument '([^'\n]*)'"#, "argument inattendu : « $1 »"),
        (#"(\d+) unexpected arguments: '([^\n]*)'"#, "$1 arguments inattendus : « $2 »"),
        (#"The value '([^'\n]*)' is invalid for '([^'\n]*)': "#, "la valeur « $1 » ne convient pas à « $2 » : "),
        (#"The value '([^'\n]*)' is invalid for '([^'\n]*)'"#, "la valeur « $1 » ne convient pas à « $2 »"),
        (#"The value '([^'\n]*)' is invalid\.: "#, "la valeur « $1 » ne convient pas : "),
        (#"The value '([^'\n]*)' is invalid\."#, "la valeur « $1 » ne convient pas."),
        (#"The option '([^'\n]*)' does not take any value, but '([^'\n]*)' was specified\."#,
         "l'option « $1 » ne prend pas de valeur, et « $2 » lui a été donné."),
        (#"Invalid option: ([^\n]*)"#, "option invalide : $1"),
    ]
}

extension Guichet {
    /// « erreur : » opens the errors the parser prints, as it opens every other.
    static var _errorPrefix: String { MessageKind.error.line("") }

    /// The library's `main`, its help and usage errors printed in French (`ParserWording`). The
    /// service (`serve`) runs asynchronously; every other command as it always did.
    static func main() async {
        do {
            var command = try parseAsRoot()
            // The service's threads are set before any task starts (`ServiceThreads`).
            if let serve = command as? Serve { ServiceThreads.prepare(loops: serve.threads ?? ServiceThreads.suggested) }
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let text = ParserWording.shown(fullMessage(for: error), exitCode: code)
            if !text.isEmpty {
                if code == .success {
                    print(text)
                } else {
                    Console.control(text.hasSuffix("\n") ? text : text + "\n")
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

import ArgumentParser
import Batch
import Foundation
import RuleSet
import ExactDecimal
import Platform
import Register
import SchemeLanguage

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Interroge le registre des décisions : ce qu'un bénéficiaire a obtenu, l'historique d'une demande, un export.",
        discussion: """
            Le registre est lu sans être modifié. S'il n'existe pas, la commande dit où elle l'a \
            cherché et s'arrête (code de sortie 1) plutôt que d'en créer un. Codes de sortie : 0 en \
            cas de succès, y compris quand la recherche ne trouve rien (elle le dit) ; 1 si le \
            registre ne peut être lu ou si une subvention ne peut être exportée ; 64 pour un usage \
            incorrect.
            """,
        subcommands: [Granted.self, History.self, Export.self])

    struct Granted: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Affiche ce qu'un bénéficiaire a obtenu : les décisions favorables en vigueur de l'autorité compétente.",
            discussion: """
                Donnez l'identifiant tel que les demandes l'écrivent : un SIREN, un SIRET, l'identifiant d'un \
                site, celui d'une personne (pseudonymisé pour être retrouvé). Il est cherché dans toutes les \
                clés par lesquelles les dispositifs regroupent les décisions. Les fiches d'instruction et les \
                propositions n'attribuent rien et ne sont pas listées.
                """)

        @Argument(help: ArgumentHelp("L'identifiant du bénéficiaire.", valueName: "IDENTIFIANT"))
        var beneficiary: String

        @OptionGroup var register: RegisterOption

        func run() throws {
            let entries = try register.query { try $0.granted(to: beneficiary) }
            guard !entries.isEmpty else {
                Console.out("Aucune aide décidée au registre \(register.path) pour « \(beneficiary) ».")
                return
            }
            let rows = entries.map { entry in
                [entry.scheme, entry.application, entry.amount.map(FrenchFormat.money) ?? "", entry.months > 0 ? String(entry.months) : "",
                 entry.stage.frenchName, entry.stageRecord.act?.body.label ?? "", Self.act(entry.stageRecord)]
            }
            Console.out(Table.render(header: ["Dispositif", "Demande", "Montant", "Mois", "Étape", "Autorité", "Acte"], rows: rows))
            Console.out("")
            Console.out(try RegisterTotals.lines(entries).joined(separator: "\n"))
        }

        /// "CP20201102-15 du 2 novembre 2020, notifiée le 10 novembre 2020".
        static func act(_ record: StageRecord) -> String {
            guard let act = record.act else { return "" }
            let notified = record.notifiedOn.map { ", notifiée le \($0.frenchLong)" } ?? ""
            return "\(act.reference) du \(act.date.frenchLong)\(notified)"
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Affiche toutes les inscriptions au registre d'une demande, de la plus ancienne à la plus récente.")

        @Argument(help: ArgumentHelp("La référence de la demande.", valueName: "DEMANDE"))
        var application: String

        @OptionGroup var register: RegisterOption

        func run() throws {
            let entries = try register.query { try $0.history(of: application) }
            guard !entries.isEmpty else {
                Console.out("Aucune inscription au registre \(register.path) pour la demande « \(application) ».")
                return
            }
            let rows = entries.map { entry in
                [entry.stage.frenchName, entry.outcome.rawValue, entry.amount.map(FrenchFormat.money) ?? "",
                 Granted.act(entry.stageRecord), entry.stageRecord.actor.map { "\($0), \(Self.moment(entry.stageRecord.recordedAt))" } ?? "",
                 entry.current ? "en vigueur" : "remplacée", entry.stageRecord.note ?? "", entry.decisionFile ?? ""]
            }
            Console.out(Table.render(header: ["Étape", "Issue", "Montant", "Acte", "Par", "État", "Note", "Document"], rows: rows))
        }

        /// « le 30 novembre 2020 à 10 h 48 (UTC) » for the register's `2020-11-30T10:48:33Z`;
        /// any other text as it is.
        static func moment(_ recorded: String?) -> String {
            guard let recorded else { return "" }
            let parts = recorded.split(separator: "T")
            guard parts.count == 2, let day = LocalDate(iso: String(parts[0])), parts[1].count >= 5 else { return recorded }
            let time = parts[1].prefix(5).split(separator: ":")
            guard time.count == 2 else { return recorded }
            return "le \(day.frenchLong) à \(Int(time[0]) ?? 0) h \(time[1])\(parts[1].hasSuffix("Z") ? " (UTC)" : "")"
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Exporte le registre : en CSV, ou les subventions attribuées à des personnes morales au format SCDL.",
            discussion: """
                --format csv (par défaut) : les inscriptions en vigueur (--all : tout l'historique). \
                --format scdl : les subventions décidées au profit de personnes morales, au schéma SCDL \
                « subventions » 2.1.1 (schema.data.gouv.fr), en UTF-8 avec la virgule pour séparateur et le \
                point décimal ; les personnes physiques n'y figurent jamais, ni les dotations (kind: allocation), \
                que l'autorité doit à ses établissements et qui ne sont pas des subventions. Le SIRET de l'autorité vient de \
                guichet.yaml (siret) ; les conditions et la période de versement et la notification à l'Union \
                européenne, que le registre ne connaît pas, se donnent en options. Une subvention à laquelle \
                il manque un champ obligatoire n'est pas écrite : elle est signalée, et la commande échoue.
                """)

        @Option(name: .shortAndLong, help: ArgumentHelp("Le fichier à écrire (par défaut : la sortie standard).", valueName: "FICHIER"))
        var output: String?

        @Option(name: .long, help: ArgumentHelp("csv ou scdl.", valueName: "FORMAT"))
        var format: String = "csv"

        @Flag(name: .long, help: "CSV : inclure les inscriptions remplacées (l'historique).")
        var all = false

        @OptionGroup var rules: RulesOption

        @Option(name: .customLong("conditions-versement"), help: ArgumentHelp("SCDL : « unique », « échelonné » ou une description.", valueName: "CONDITIONS"))
        var paymentTerms: String?

        @Option(name: .customLong("periode-versement"), help: ArgumentHelp("SCDL : AAAA-MM-JJ ou AAAA-MM-JJ/AAAA-MM-JJ.", valueName: "PÉRIODE"))
        var paymentPeriod: String?

        @Option(name: .customLong("notification-ue"), help: ArgumentHelp("SCDL : oui ou non (aide notifiée au titre du règlement de minimis).", valueName: "OUI|NON"))
        var notifiedToEU: String?

        @Option(name: .customLong("au-dessus-de"), help: ArgumentHelp("SCDL : seulement les subventions d'un montant supérieur (par exemple 23 000 €).", valueName: "MONTANT"))
        var above: String?

        @OptionGroup var register: RegisterOption

        func run() throws {
            let text: String
            switch format {
            case "csv": text = try register.query { RegisterCSV.render(try all ? $0.allEntries() : $0.currentEntries()) }
            case "scdl": text = try scdl()
            default: throw ValidationError("--format vaut csv ou scdl, trouvé « \(format) »")
            }
            if text.utf8.lazy.filter({ $0 == UInt8(ascii: "\n") }).count <= 1 {
                let what = format == "scdl" ? "aucune subvention décidée au profit d'une personne morale" : "aucune inscription"
                Console.say(.note, "\(what) au registre \(register.path) : l'export ne contient que la ligne d'en-tête")
            }
            if let output {
                try OwnerOnlyFile.write(Array(text.utf8), to: output)
            } else {
                Console.data(text)
            }
        }

        private func scdl() throws -> String {
            guard let paymentTerms, let paymentPeriod, let notifiedToEU, ["oui", "non"].contains(notifiedToEU) else {
                throw ValidationError("le format SCDL demande --conditions-versement, --periode-versement et --notification-ue oui|non")
            }
            guard let siret = try WorkingFolder.deployment()?.siret else {
                Console.say(.error, "le SIRET de l'autorité n'est pas renseigné (« siret ») : il identifie l'attribuant (idAttribuant)", at: Deployment.fileName)
                throw ExitCode.failure
            }
            var threshold: DecimalNumber?
            if let above {
                guard case .money(let amount)? = ScalarParsing.value(above, as: .money) else {
                    throw ValidationError("--au-dessus-de : « \(above) » n'est pas un montant (par exemple 23 000 €)")
                }
                threshold = amount
            }
            let catalog = try rules.catalog()
            Console.report(catalog)
            let publication = ScdlSubsidies.Publication(
                authorityNames: catalog.schemes.mapValues(\.authority.name), authoritySIRET: siret, paymentTerms: paymentTerms,
                paymentPeriod: paymentPeriod, notifiedToEU: notifiedToEU == "oui", above: threshold,
                notSubsidies: Set(catalog.schemes.values.filter { $0.kind == .allocation }.map(\.id)))
            let problems = ScdlSubsidies.problems(in: publication)
            guard problems.isEmpty else {
                for problem in problems { Console.say(.error, "\(problem)") }
                throw ExitCode.failure
            }
            let (csv, skipped) = try register.query { ScdlSubsidies.render(try $0.currentEntries(), publication: publication) }
            for line in skipped { Console.say(.error, "subvention non exportée : \(line)") }
            if !skipped.isEmpty {
                if let output { try OwnerOnlyFile.write(Array(csv.utf8), to: output) } else { Console.data(csv) }
                throw ExitCode.failure
            }
            return csv
        }
    }
}

/// Aligned plain-text tables for the console.
enum Table {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = ([header] + rows).map { $0.map { TerminalText.escaped($0) } }
        let widths = header.indices.map { column in all.map { $0[column].count }.max()! + 2 }
        return all.map { row in
            row.indices.map { $0 == row.count - 1 ? row[$0] : Console.pad(row[$0], widths[$0]) }.joined()
        }.joined(separator: "\n")
    }
}

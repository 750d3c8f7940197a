import ArgumentParser
import Batch
import Foundation
import Platform
import Register
import SchemeLanguage

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Interroger le registre des décisions : ce qu'un bénéficiaire a obtenu, l'historique d'une demande, un export.",
        subcommands: [Granted.self, History.self, Export.self])

    struct Granted: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ce qu'un bénéficiaire a obtenu : les décisions favorables en vigueur de l'autorité compétente.",
            discussion: """
                Donnez l'identifiant tel que les demandes l'écrivent : un SIREN, un SIRET, l'identifiant d'un \
                site, celui d'une personne (pseudonymisé pour être retrouvé). Il est cherché dans toutes les \
                clés par lesquelles les dispositifs regroupent les décisions. Les fiches d'instruction et les \
                propositions n'attribuent rien et ne sont pas listées.
                """)

        @Argument(help: "L'identifiant du bénéficiaire.")
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
                 entry.stage.frenchName, Self.act(entry.stageRecord)]
            }
            Console.out(Table.render(header: ["Dispositif", "Demande", "Montant", "Mois", "Étape", "Acte"], rows: rows))
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
        static let configuration = CommandConfiguration(abstract: "Toutes les inscriptions au registre d'une demande, de la plus ancienne à la plus récente.")

        @Argument(help: "La référence de la demande.")
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
                 Granted.act(entry.stageRecord), entry.stageRecord.actor.map { "\($0), \(entry.stageRecord.recordedAt ?? "")" } ?? "",
                 entry.current ? "en vigueur" : "remplacée", entry.stageRecord.note ?? "", entry.decisionFile ?? ""]
            }
            Console.out(Table.render(header: ["Étape", "Issue", "Montant", "Acte", "Par", "État", "Note", "Document"], rows: rows))
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Export the decisions in force (or every entry) as CSV.")

        @Option(name: .shortAndLong, help: "The CSV file to write (default: standard output).")
        var output: String?

        @Flag(name: .long, help: "Include the replaced entries (the history).")
        var all = false

        @OptionGroup var register: RegisterOption

        func run() throws {
            let csv = try register.query { RegisterCSV.render(try all ? $0.allEntries() : $0.currentEntries()) }
            if let output {
                try OwnerOnlyFile.write(Array(csv.utf8), to: output)
            } else {
                Console.data(csv)
            }
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

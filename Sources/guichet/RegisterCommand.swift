import ArgumentParser
import Batch
import Foundation
import Platform
import Register

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Query the register of decisions: what a beneficiary was granted, a decision's history, a CSV export.",
        subcommands: [Granted.self, History.self, Export.self])

    struct Granted: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What a beneficiary was granted (decisions in force), per scheme and year.",
            discussion: "Give the identifier as the application gives it (a SIREN, a case number); a person's identifier is pseudonymised to be found.")

        @Argument(help: "The beneficiary's identifier.")
        var beneficiary: String

        @OptionGroup var register: RegisterOption

        func run() throws {
            let entries = try register.query { try $0.granted(to: beneficiary) }
            guard !entries.isEmpty else {
                Console.out("No favourable decision recorded for '\(beneficiary)'.")
                return
            }
            let rows = entries.map { entry in
                [entry.scheme, String(entry.filed.year), entry.application, entry.filed.description, entry.amountText ?? "",
                 entry.months > 0 ? String(entry.months) : ""]
            }
            Console.out(Table.render(header: ["Scheme", "Year", "Application", "Filed", "Amount", "Months"], rows: rows))
            Console.out("")
            Console.out(try RegisterTotals.lines(entries).joined(separator: "\n"))
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every decision recorded for an application, oldest first.")

        @Argument(help: "The application id.")
        var application: String

        @OptionGroup var register: RegisterOption

        func run() throws {
            let entries = try register.query { try $0.history(of: application) }
            guard !entries.isEmpty else {
                Console.out("No decision recorded for '\(application)'.")
                return
            }
            let rows = entries.map { entry in
                [entry.scheme, entry.outcome.rawValue, entry.amountText ?? "", entry.current ? "in force" : "replaced",
                 String(entry.inputHash.prefix(12)), String(entry.rulesHash.prefix(12)), entry.decisionFile ?? ""]
            }
            Console.out(Table.render(header: ["Scheme", "Outcome", "Amount", "Status", "Input", "Rules", "Decision"], rows: rows))
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

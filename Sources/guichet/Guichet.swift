import ArgumentParser
import Register

/// `guichet`: turns a local authority's aid rules into reasoned decisions.
@main
struct Guichet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guichet",
        abstract: "Evaluate aid applications against schemes voted as deliberations, and write reasoned decisions.",
        discussion: """
            Schemes are YAML files in a rules folder (default: Rules/). Applications are YAML files \
            naming their scheme; a file may hold several applications separated by '---'.
            """,
        version: "0.1.0",
        subcommands: [Evaluate.self, Select.self, Check.self, Explain.self, TestRules.self, RegisterCommand.self, Simulate.self, Portfolio.self, Bench.self]
    )
}

/// The register of decisions, shared by the commands that read or write it.
struct RegisterOption: ParsableArguments {
    @Option(name: .customLong("register"), help: "The register of decisions (SQLite), created on first use.")
    var path: String = ".guichet/registre.sqlite"

    @Option(name: .long, help: "The pseudonymisation key (default: beside the register, with '.key' appended).")
    var registerKey: String?

    func open() throws -> DecisionRegister {
        do {
            return try DecisionRegister.open(path: path, keyPath: registerKey)
        } catch {
            Console.error("\(path): error: cannot open the register: \(error)")
            throw ExitCode.failure
        }
    }
}

/// The `--rules` option shared by the commands that read schemes.
struct RulesOption: ParsableArguments {
    @Option(name: .long, help: "The folder of scheme files.")
    var rules: String = "Rules"
}

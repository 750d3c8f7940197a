import ArgumentParser

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
        subcommands: [Evaluate.self, Check.self, Explain.self, TestRules.self, Bench.self]
    )
}

/// The `--rules` option shared by the commands that read schemes.
struct RulesOption: ParsableArguments {
    @Option(name: .long, help: "The folder of scheme files.")
    var rules: String = "Rules"
}

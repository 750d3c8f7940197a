import ArgumentParser
import Batch
import ExactDecimal
import Foundation
import SchemeLanguage

struct Portfolio: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build portfolios of applications for simulations.",
        subcommands: [Generate.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic portfolio of a scheme's applications, in filing order.",
            discussion: """
                Applications are variations of the scheme's test cases (amounts between half and one \
                and a half times, new filing dates in the same year), so the mix of outcomes follows \
                the cases the rules' authors wrote. The same seed gives the same portfolio, byte for \
                byte. Prints how the portfolio fares under today's rules.
                """)

        @Argument(help: "The scheme whose applications are generated.")
        var scheme: String

        @Option(name: .long, help: "How many applications.")
        var count: Int = 1_000

        @Option(name: .long, help: "Seed of the generator.")
        var seed: UInt64 = 2020

        @Option(name: .long, help: "The portfolio file to write (default: portfolio-SCHEME.yaml).")
        var out: String?

        @OptionGroup var rules: RulesOption

        func validate() throws {
            guard count > 0 else { throw ValidationError("--count must be at least 1") }
        }

        func run() throws {
            let catalog = SchemeCatalog.load(directory: rules.rules)
            guard let target = catalog.schemes[scheme] else {
                Console.report(catalog)
                Console.error("error: unknown scheme '\(scheme)'; known schemes: \(catalog.schemes.keys.sorted().joined(separator: ", "))")
                throw ExitCode.failure
            }
            let path = out ?? "portfolio-\(scheme).yaml"
            let file = try StreamingFile(path: path)
            PortfolioGenerator(scheme: target, seed: seed, count: count).generate { file.write(text: $0) }
            try file.commit()
            let summary = Simulation(catalog: catalog, reform: .none).run(paths: [path])
            print("\(path): \(count) applications of '\(scheme)' (seed \(seed))")
            if let totals = summary.schemes[scheme] { print(describe(totals)) }
        }

        private func describe(_ totals: SimulationSummary.SchemeTotals) -> String {
            let outcomes = totals.outcomesBefore.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
            let granted = totals.outcomesBefore[.favorable] ?? 0
            let average = granted == 0 ? DecimalNumber.zero
                : ((try? totals.amountBefore.divided(by: DecimalNumber(granted), scale: 2, rounding: .halfUp)) ?? .zero)
            return "under today's rules: \(outcomes); \(totals.amountBefore) € granted, \(average) € on average per grant"
        }
    }
}

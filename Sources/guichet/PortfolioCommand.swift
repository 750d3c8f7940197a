import ArgumentParser
import Batch
import ExactDecimal
import Foundation
import Platform
import Portfolios
import RuleSet
import SchemeLanguage
import Simulation

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

        @Option(name: .long, help: "Calibrate: size the portfolio so that about this many applications are granted under today's rules (replaces --count).")
        var grants: Int?

        @Option(name: .long, help: "Calibrate: the average grant, in euros, the portfolio should reproduce (e.g. 632).")
        var average: String?

        @Option(name: .long, help: "Calibrate: the largest gap accepted, in percent.")
        var tolerance: Int = 5

        @OptionGroup var rules: RulesOption

        func validate() throws {
            guard count > 0 else { throw ValidationError("--count must be at least 1") }
            if let grants, grants < 1 { throw ValidationError("--grants must be at least 1") }
            if let average, DecimalNumber(parsing: average) == nil { throw ValidationError("--average must be a number of euros such as 632 or 632.50") }
        }

        func run() throws {
            let catalog = try rules.catalog()
            guard let target = catalog.schemes[scheme] else {
                Console.report(catalog)
                Console.error("error: unknown scheme '\(scheme)'; known schemes: \(catalog.schemes.keys.sorted().joined(separator: ", "))")
                throw ExitCode.failure
            }
            let path = out ?? "portfolio-\(scheme).yaml"
            let size = try grants.map { try sized(for: $0, scheme: target, catalog: catalog, path: path) } ?? count
            let totals = try write(target, count: size, catalog: catalog, to: path)
            Console.out("\(path): \(size) applications of '\(scheme)' (seed \(seed))")
            Console.out(describe(totals))
            let calibration = PortfolioCalibration(grants: grants, average: average.flatMap { DecimalNumber(parsing: $0) }, tolerance: tolerance)
            let checks = calibration.checks(totals)
            checks.forEach { Console.out($0.line) }
            if checks.contains(where: { !$0.within }) {
                Console.error("the portfolio does not reproduce the reference figures within \(tolerance) %; see the lines above")
                throw ExitCode.failure
            }
        }

        /// Writes the portfolio and returns how it fares under today's rules.
        private func write(_ target: Scheme, count: Int, catalog: SchemeCatalog, to path: String) throws -> SimulationSummary.SchemeTotals {
            let file = try StreamingFile(path: path)
            PortfolioGenerator(scheme: target, seed: seed, count: count).generate { file.write(text: $0) }
            try file.commit()
            var problems: [String] = []
            let summary = Simulation(catalog: catalog, reform: .none).run(paths: [path], problem: { problems.append($0.description) })
            if summary.errors > 0 {
                // A generated application the rules cannot read is a bug of the generator or of the scheme's test cases.
                problems.prefix(5).forEach(Console.error)
                Console.error("error: \(summary.errors) generated application(s) could not be evaluated; the figures would not be those of the whole portfolio")
                throw ExitCode.failure
            }
            return summary.schemes[target.id] ?? .init()
        }

        /// The count that gives about `grants` favourable decisions, from the grant rate of a pilot.
        private func sized(for grants: Int, scheme target: Scheme, catalog: SchemeCatalog, path: String) throws -> Int {
            let pilotSize = max(2_000, grants)
            let pilot = try write(target, count: pilotSize, catalog: catalog, to: path)
            guard let size = PortfolioCalibration.size(for: grants, pilotSize: pilotSize, pilotGrants: PortfolioCalibration.grants(pilot)) else {
                Console.error("error: no application of a pilot portfolio of \(pilotSize) is granted; '\(scheme)' cannot be calibrated on grants")
                throw ExitCode.failure
            }
            return size
        }

        private func describe(_ totals: SimulationSummary.SchemeTotals) -> String {
            let outcomes = totals.outcomesBefore.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.value) \($0.key.rawValue)" }.joined(separator: ", ")
            return "under today's rules: \(outcomes); \(totals.amountBefore) € granted, \(PortfolioCalibration.averageGrant(totals).map { "\($0) € on average per grant" } ?? "an average per grant too large to compute exactly")"
        }
    }
}

import ArgumentParser
import Batch
import ExactDecimal
import Foundation
import Imports
import Platform
import Portfolios
import RuleSet
import SchemeLanguage
import Simulation

struct Portfolio: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Construit des portefeuilles de demandes pour les simulations.",
        subcommands: [Generate.self, FromRegister.self])

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Écrit un portefeuille synthétique de demandes d'un dispositif, dans l'ordre de dépôt.",
            discussion: """
                Les demandes sont des variantes des cas de test du dispositif (montants entre la moitié \
                et une fois et demie, nouvelles dates de dépôt dans la même année) : la répartition des \
                issues suit les cas qu'ont écrits les auteurs des règles. La même graine donne le même \
                portefeuille, à l'octet près. Affiche ce que donne le portefeuille sous les règles en \
                vigueur et, avec --grants ou --average, l'écart aux chiffres de référence. Codes de \
                sortie : 0 en cas de succès, 1 si le dispositif est inconnu, si une demande générée ne \
                peut être évaluée ou si un écart dépasse la tolérance, 64 pour un usage incorrect.
                """)

        @Argument(help: ArgumentHelp("Le dispositif dont les demandes sont générées.", valueName: "DISPOSITIF"))
        var scheme: String

        @Option(name: .long, help: ArgumentHelp("Combien de demandes.", valueName: "NOMBRE"))
        var count: Int = 1_000

        @Option(name: .long, help: ArgumentHelp("La graine du générateur.", valueName: "GRAINE"))
        var seed: UInt64 = 2020

        @Option(name: .long, help: ArgumentHelp("Le fichier du portefeuille à écrire (par défaut : portfolio-DISPOSITIF.yaml).", valueName: "FICHIER"))
        var out: String?

        @Option(name: .long, help: ArgumentHelp("Calibrage : dimensionner le portefeuille pour qu'environ ce nombre de demandes soient favorables sous les règles en vigueur (remplace --count).", valueName: "NOMBRE"))
        var grants: Int?

        @Option(name: .long, help: ArgumentHelp("Calibrage : l'aide moyenne, en euros, que le portefeuille doit reproduire (par exemple 632 ou 632,50).", valueName: "MONTANT"))
        var average: String?

        @Option(name: .long, help: ArgumentHelp("Calibrage : le plus grand écart admis, en pour cent.", valueName: "POURCENTAGE"))
        var tolerance: Int = 5

        @Option(name: .long, help: ArgumentHelp("Dimensionner le portefeuille pour que les demandes représentent environ ce montant : pour un appel à projets, ce que demandent les projets admissibles ; pour une aide, ce qui est accordé (remplace --count ; par exemple 500 000 €).", valueName: "MONTANT"))
        var budget: String?

        @Option(name: .long, help: ArgumentHelp("Les genres de demandeurs et leurs poids, parmi ceux qu'admet le dispositif (par exemple commune=60,epci=30,association=10).", valueName: "RÉPARTITION"))
        var mix: String?

        @Option(name: .long, help: ArgumentHelp("Combien de maîtres d'ouvrage (ou de personnes) déposent les demandes : moins il y en a, plus les plafonds par an et par maître d'ouvrage sont atteints (par défaut : une moitié du nombre de demandes). Les communes qui déposent sont celles du référentiel des règles (references/communes-62.csv : nom et SIREN réels) tant que leur nombre suffit, les suivantes des communes fictives.", valueName: "NOMBRE"))
        var owners: Int?

        @OptionGroup var rules: RulesOption

        func validate() throws {
            guard count > 0 else { throw ValidationError("--count attend au moins 1 demande (reçu : \(count))") }
            if let grants, grants < 1 { throw ValidationError("--grants attend au moins 1 décision favorable (reçu : \(grants))") }
            if let owners, owners < 1 { throw ValidationError("--owners attend au moins 1 maître d'ouvrage (reçu : \(owners))") }
            if let budget {
                guard let amount = Self.amount(budget), !amount.isZero, !amount.isNegative else {
                    throw ValidationError("--budget attend un montant en euros, comme 500 000 € ou 500000 (reçu : \(budget))")
                }
                if grants != nil { throw ValidationError("--budget et --grants dimensionnent tous deux le portefeuille : donnez l'un ou l'autre") }
            }
            if let average, DecimalNumber(parsing: average) == nil {
                throw ValidationError("--average attend un montant en euros, comme 632 ou 632,50 (reçu : \(average))")
            }
        }

        /// The rules folder's reference of communes, which the communes that apply are drawn
        /// from; nil when the folder has none; its errors printed and exit code 1.
        func referenceCommunes() throws -> CommuneReference? {
            // The folder the catalog was read from, found again without a second note.
            let folder = rules.rules
            guard FileManager.default.fileExists(atPath: folder + "/" + CommuneReference.relativePath) else { return nil }
            switch CommuneReference.load(rulesFolder: folder) {
            case .success(let reference): return reference
            case .failure(let list):
                for diagnostic in list.diagnostics { Console.error(diagnostic.description) }
                Console.error("Le portefeuille n'a pas été généré : corrigez le référentiel des communes et relancez la commande.")
                throw ExitCode.failure
            }
        }

        func run() throws {
            let catalog = try rules.catalog()
            let target = try rules.scheme(scheme, in: catalog)
            let path = out ?? "portfolio-\(scheme).yaml"
            let applicants = try mix.map { text in
                switch ApplicantMix.parse(text, for: target) {
                case .success(let mix): return mix
                case .failure(let problem):
                    Console.say(.error, "--mix : \(problem)")
                    throw ExitCode.validationFailure
                }
            }
            let communes = try referenceCommunes()
            let generator = { (size: Int) in
                PortfolioGenerator(scheme: target, seed: seed, count: size, owners: owners, mix: applicants, communes: communes)
            }
            let size = try grants.map { try sized(for: $0, generator: generator, catalog: catalog, path: path) }
                ?? budget.flatMap(Self.amount).map { try sized(forBudget: $0, generator: generator, catalog: catalog, path: path) }
                ?? count
            let totals = try write(generator(size), catalog: catalog, to: path)
            Console.out("\(path) : \(FrenchFormat.count(size, "demande")) du dispositif « \(scheme) » (graine \(seed))")
            Console.out(describe(totals))
            if let target = budget.flatMap(Self.amount) {
                let demand = PortfolioCalibration.demand(totals)
                let gap = (try? demand.subtracting(target).multiplied(by: DecimalNumber(100)).divided(by: target, scale: 1, rounding: .halfUp))
                    .map { " (écart \(FrenchFormat.signedPercent($0, minimumFractionDigits: 1)))" } ?? ""
                Console.out("budget visé : \(FrenchFormat.money(target)) ; le portefeuille \(totals.call == nil ? "accorde" : "demande") \(FrenchFormat.money(demand))\(gap)")
            }
            if let line = envelopeComparison(totals) { Console.out(line) }
            let calibration = PortfolioCalibration(grants: grants, average: average.flatMap { DecimalNumber(parsing: $0) }, tolerance: tolerance)
            let checks = calibration.checks(totals)
            checks.forEach { Console.out($0.line) }
            if checks.contains(where: { !$0.within }) {
                Console.say(.error, "le portefeuille ne reproduit pas les chiffres de référence à \(tolerance) % près (voir les lignes ci-dessus) : "
                            + "ajustez --grants, --average ou --tolerance, ou les cas de test du dispositif")
                throw ExitCode.failure
            }
        }

        /// Writes the portfolio and returns how it fares under today's rules.
        private func write(_ generator: PortfolioGenerator, catalog: SchemeCatalog, to path: String) throws -> SimulationSummary.SchemeTotals {
            let file = try StreamingFile(path: path)
            generator.generate { file.write(text: $0) }
            try file.commit()
            var problems: [String] = []
            let summary = Simulation(catalog: catalog, reform: .none).run(paths: [path], problem: { problems.append($0.description) })
            if summary.errors > 0 {
                // A generated application the rules cannot read is a bug of the generator or of the scheme's test cases.
                problems.prefix(5).forEach(Console.error)
                let failed = FrenchFormat.agreed(summary.errors, "demande générée n'a pu être évaluée", "demandes générées n'ont pu être évaluées")
                Console.say(.error, "\(FrenchFormat.count(summary.errors)) \(failed) : les chiffres ne seraient pas ceux du portefeuille entier ; "
                            + "vérifiez les cas de test du dispositif (« guichet test »)", at: path)
                throw ExitCode.failure
            }
            return summary.schemes[scheme] ?? .init()
        }

        /// The count that gives about `grants` favourable decisions, from the grant rate of a pilot.
        private func sized(for grants: Int, generator: (Int) -> PortfolioGenerator, catalog: SchemeCatalog, path: String) throws -> Int {
            let pilotSize = max(2_000, grants)
            let pilot = try write(generator(pilotSize), catalog: catalog, to: path)
            guard let size = PortfolioCalibration.size(for: grants, pilotSize: pilotSize, pilotGrants: PortfolioCalibration.grants(pilot)) else {
                Console.say(.error, "aucune demande d'un portefeuille pilote de \(FrenchFormat.count(pilotSize, "demande")) n'est favorable : "
                            + "le dispositif « \(scheme) » ne peut être calibré sur le nombre de décisions favorables ; calibrez-le sur --average")
                throw ExitCode.failure
            }
            return size
        }

        /// The count whose demand is about `budget`. Demand is not proportional to the count
        /// when owners are fixed (their yearly caps bind more in a larger portfolio): the size
        /// is worked out from a pilot, then corrected from the portfolio of that size, a few times.
        private func sized(forBudget budget: DecimalNumber, generator: (Int) -> PortfolioGenerator, catalog: SchemeCatalog, path: String) throws -> Int {
            var size = 2_000
            for _ in 0..<4 {
                let demand = PortfolioCalibration.demand(try write(generator(size), catalog: catalog, to: path))
                guard let next = PortfolioCalibration.size(forBudget: budget, pilotSize: size, pilotDemand: demand) else {
                    Console.say(.error, "un portefeuille de \(FrenchFormat.count(size, "demande")) ne demande rien : le dispositif « \(scheme) » "
                                + "ne peut être dimensionné sur un budget ; donnez --count")
                    throw ExitCode.failure
                }
                if abs(next - size) * 50 <= size { return next }   // within 2 %
                size = next
            }
            return size
        }

        /// `500 000 €`, `500000`, `500 000,50`.
        static func amount(_ text: String) -> DecimalNumber? {
            if case .success(.money(let amount)) = TypedText.read(text.contains("€") ? text : text + " €", as: .money) { return amount }
            return nil
        }

        /// For a call, what its admissible projects ask against its envelope: how many times over
        /// it is subscribed, or why it cannot be said.
        private func envelopeComparison(_ totals: SimulationSummary.SchemeTotals) -> String? {
            guard let call = totals.call else { return nil }
            guard let envelope = totals.envelopeBefore, !envelope.isZero else {
                return "l'enveloppe de l'appel n'est pas fixée (guichet.yaml ou --parametres) : le portefeuille ne peut lui être comparé"
            }
            let fictitious = totals.envelopeBeforeFictitious ? " (valeur fictive)" : ""
            let ratio = (try? call.before.needed.divided(by: envelope, scale: 1, rounding: .halfUp)).map { "\($0.frenchFormatted()) fois" } ?? "bien des fois"
            return "enveloppe de l'appel : \(FrenchFormat.money(envelope))\(fictitious) ; les projets admissibles demandent \(FrenchFormat.money(call.before.needed)), "
                + "soit \(ratio) l'enveloppe ; \(FrenchFormat.count(call.before.retained, "projet retenu", "projets retenus")) dans l'enveloppe"
        }

        private func describe(_ totals: SimulationSummary.SchemeTotals) -> String {
            let outcomes = totals.outcomesBefore.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { $0.key.counted($0.value) }.joined(separator: ", ")
            guard let call = totals.call else {
                let average = PortfolioCalibration.averageGrant(totals).map { "\(FrenchFormat.money($0)) en moyenne par aide accordée" }
                    ?? "une aide moyenne trop grande pour être calculée exactement"
                return "sous les règles en vigueur : \(outcomes) ; \(FrenchFormat.money(totals.amountBefore)) accordés, \(average)"
            }
            // A call grants only the projects its selection retains within the envelope.
            let average = PortfolioCalibration.averageGrant(totals).map { "\(FrenchFormat.money($0)) en moyenne par décision favorable" }
                ?? "une aide moyenne trop grande pour être calculée exactement"
            let selection = call.before.unselected == nil
                ? "\(FrenchFormat.money(totals.amountBefore)) accordés "
                    + (call.before.retained == 0 ? "à aucun projet" : call.before.retained == 1 ? "à 1 projet retenu"
                        : "aux \(FrenchFormat.count(call.before.retained)) projets retenus") + " dans l'enveloppe de l'appel"
                : "aucune sélection de l'appel, faute d'enveloppe fixée"
            return "sous les règles en vigueur : \(outcomes) ; \(selection) ; \(FrenchFormat.money(call.before.needed)) demandés par les "
                + "projets admissibles, \(average)"
        }
    }
}

import ExactDecimal
import Foundation
import Portfolios
import RuleSet
import SchemeLanguage
import Simulation
import TestSupport
import Testing

/// A call for projects in a simulation: its applications go through its selection, ranking and
/// envelope in both runs, and only the projects retained count as granted.
@Suite struct CallSimulationTests {
    /// Six admissible projects asking 195 000 € in all, against a fictitious envelope of 150 000 €
    /// (`guichet select pdesi Applications/pdesi-enveloppe` retains four, for 125 000 €).
    let portfolio = [Repository.path("Applications/pdesi-enveloppe")]

    func reform(_ catalog: SchemeCatalog) throws -> Reform {
        try ReformLoader.load(path: Repository.path("Rules/reforms/pdesi-60.yaml"), schemes: catalog.schemes).get()
    }

    /// A reform that sets the envelope today's rules leave unset: 100 000 €.
    func envelopeReform(_ catalog: SchemeCatalog) throws -> Reform {
        let temporary = try TemporaryFolder("call-envelope")
        let path = temporary.file("enveloppe.yaml")
        try "name: Enveloppe\nrationale: Fixer l'enveloppe.\noverrides:\n  pdesi: {enveloppe_appel: {value: 100 000 €}}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        return try ReformLoader.load(path: path, schemes: catalog.schemes).get()
    }

    func simulate(_ catalog: SchemeCatalog) throws -> (SimulationSummary, [String], [String]) {
        var rows: [String] = [], problems: [String] = []
        let summary = Simulation(catalog: catalog, reform: try reform(catalog))
            .run(paths: portfolio, row: { rows.append($0) }, problem: { problems.append($0.description) })
        return (summary, rows, problems)
    }

    @Test func theAmountsGrantedNeverExceedTheEnvelopeInEitherRun() throws {
        let catalog = FictitiousParameters.rules()
        let (summary, rows, problems) = try simulate(catalog)
        #expect(problems.isEmpty, "\(problems)")
        let totals = try #require(summary.schemes["pdesi"])
        let call = try #require(totals.call)
        let envelope = DecimalNumber(150_000)
        #expect(totals.amountBefore <= envelope && totals.amountAfter <= envelope)
        #expect(totals.amountBefore == DecimalNumber(125_000) && totals.amountAfter == DecimalNumber(143_000))
        #expect(call.before.used == totals.amountBefore && call.after.used == totals.amountAfter)
        #expect(call.before.retained == 4 && call.after.retained == 4)
        #expect(call.before.waiting == 2 && call.after.waiting == 2)
        #expect(call.before.admissible == 6 && call.before.unselected == nil && call.after.unselected == nil)
        // The CSV grants only the laureates: its amounts add up to the totals.
        let amounts = rows.map { $0.split(separator: ",").map(String.init) }
        let before = amounts.reduce(DecimalNumber.zero) { try! $0.adding(DecimalNumber(parsing: $1[3])!) }
        let after = amounts.reduce(DecimalNumber.zero) { try! $0.adding(DecimalNumber(parsing: $1[5])!) }
        #expect(before == totals.amountBefore && after == totals.amountAfter)
        #expect(amounts.filter { $0[2] == "favorable (liste d'attente)" }.allSatisfy { $0[3] == "0.00" })
        #expect(amounts.filter { $0[2] == "favorable (retenue)" }.count == 4)
    }

    /// A held project's applicant is kept as bytes while the call waits for its selection
    /// (`NameStore`): each comes back with its own project in the report's tables.
    @Test func eachHeldProjectKeepsItsApplicant() throws {
        let catalog = FictitiousParameters.rules()
        let (summary, _, _) = try simulate(catalog)
        var names: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: portfolio[0]) where file.hasSuffix(".yaml") {
            let text = try String(contentsOfFile: "\(portfolio[0])/\(file)", encoding: .utf8)
            let id = try #require(text.firstMatch(of: /\nid: (\S+)/)?.1)
            names[String(id)] = try #require(text.firstMatch(of: /applicant: \{name: "([^"]+)"/)?.1).map(String.init)
        }
        let pdesi = try #require(ReformImpact(summary, catalog: catalog).schemes.first { $0.id == "pdesi" })
        let rows = pdesi.winners + pdesi.losers
        #expect(!rows.isEmpty)
        for row in rows { #expect(names[row.application] == row.applicant, "\(row.application)") }
    }

    /// The envelope needed is the sum of the admissible projects' amounts: what a run without a
    /// selection (the envelope left unset) counts as granted.
    @Test func theNeededEnvelopeIsTheSumOfTheFavourableAmounts() throws {
        let (summary, _, _) = try simulate(FictitiousParameters.rules())
        let call = try #require(summary.schemes["pdesi"]?.call)
        let (unselected, _, _) = try simulate(SchemeCatalog.load(directory: Repository.path("Rules")))
        let everything = try #require(unselected.schemes["pdesi"])
        #expect(call.before.needed == everything.amountBefore && call.after.needed == everything.amountAfter)
        // 40 000 + 35 000 + 35 000 + 15 000 retained, and the two on the waiting list.
        #expect(call.before.needed == DecimalNumber(195_000))
        #expect(call.after.needed > call.after.used)
    }

    /// A portfolio is calibrated on favourable decisions: for a call, their average amount is
    /// that of every admissible project, not the envelope's share.
    @Test func theAverageGrantOfACallIsOverItsAdmissibleProjects() throws {
        let (summary, _, _) = try simulate(FictitiousParameters.rules())
        let totals = try #require(summary.schemes["pdesi"])
        #expect(PortfolioCalibration.grants(totals) == 6)
        #expect(PortfolioCalibration.averageGrant(totals) == DecimalNumber(32_500))
    }

    @Test func theReportsListTheLaureatesTheWaitingListAndTheEnvelopes() throws {
        let catalog = FictitiousParameters.rules()
        let (summary, _, _) = try simulate(catalog)
        let markdown = SimulationReport.markdown(summary, catalog: catalog)
        let html = SimulationPage.html(summary, catalog: catalog)
        #expect(markdown.contains("### Sélection de l'appel à projets"))
        #expect(markdown.contains("| Lauréats (projets retenus) | 4 | 4 |"))
        #expect(markdown.contains("| Liste d'attente | 2 | 2 |"))
        #expect(markdown.contains("| Enveloppe utilisée (aides accordées) | 125\u{202F}000,00\u{00A0}€ | 143\u{202F}000,00\u{00A0}€ |"))
        #expect(markdown.contains("| Enveloppe nécessaire pour financer tous les projets admissibles | 195\u{202F}000,00\u{00A0}€ | 229\u{202F}000,00\u{00A0}€ |"))
        #expect(html.contains("<td data-label=\"\">Lauréats (projets retenus)</td><td data-label=\"Aujourd'hui\" class=\"num\">4</td>"))
        let headline = try #require(ReformImpact(summary, catalog: catalog).headline.first { $0.hasPrefix("Appel à projets") })
        #expect(headline.contains("4 lauréats aujourd'hui (125\u{202F}000,00\u{00A0}€ accordés)"))
        #expect(headline.contains("liste d'attente : 2 projets aujourd'hui, 2 projets avec la réforme"))
        #expect(headline.contains("il faudrait une enveloppe de 195\u{202F}000,00\u{00A0}€ aujourd'hui et de 229\u{202F}000,00\u{00A0}€ avec la réforme"))
        #expect(markdown.contains("Seuls les projets retenus comptent dans les montants accordés, ici comme dans le fichier CSV"))
    }

    /// Without its envelope (the text leaves it unset), the call cannot be selected: the
    /// simulation says so and why, and does not pass every project off as selected.
    @Test func aCallWithoutItsEnvelopeSaysItCouldNotBeSelected() throws {
        let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
        let (summary, _, problems) = try simulate(catalog)
        #expect(problems.isEmpty, "\(problems)")
        let call = try #require(summary.schemes["pdesi"]?.call)
        #expect(call.before.unselected?.contains("l'enveloppe de l'appel n'est pas fixée") == true)
        #expect(call.before.unselected?.contains("--parametres") == true)
        #expect(call.before.retained == 0 && call.before.needed == DecimalNumber(195_000))
        let notes = ReformReach.unselectedCalls(summary)
        #expect(notes.count == 1 && notes.first?.contains("n'a pu être sélectionné ni aujourd'hui ni avec la réforme") == true)
        let markdown = SimulationReport.markdown(summary, catalog: catalog)
        #expect(markdown.contains("Aujourd'hui, la sélection de l'appel n'a pu être faite : l'enveloppe de l'appel n'est pas fixée"))
        #expect(markdown.contains("| Lauréats (projets retenus) | pas de sélection | pas de sélection |"))
        #expect(markdown.contains("| Enveloppe | non fixée | non fixée |"))
        // First, for it qualifies every figure after it.
        let headline = try #require(ReformImpact(summary, catalog: catalog).headline.first)
        #expect(headline.hasPrefix("Appel à projets") && headline.contains("aucune sélection n'a pu être faite ni aujourd'hui ni avec la réforme"))
    }

    /// A reform that gives the call its envelope selects with the reform only.
    @Test func aReformThatSetsTheEnvelopeSelectsInItsRunOnly() throws {
        let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
        let reform = try envelopeReform(catalog)
        let summary = Simulation(catalog: catalog, reform: reform).run(paths: portfolio)
        let totals = try #require(summary.schemes["pdesi"])
        let call = try #require(totals.call)
        #expect(call.before.unselected != nil && call.after.unselected == nil)
        #expect(totals.amountAfter <= DecimalNumber(100_000) && totals.amountAfter == call.after.used)
        #expect(totals.amountBefore == DecimalNumber(195_000))
        let markdown = SimulationReport.markdown(summary, catalog: catalog)
        #expect(markdown.contains("| Enveloppe | non fixée | 100\u{202F}000,00\u{00A0}€ |"))
        #expect(!markdown.contains("Avec la réforme non plus"))
    }

    /// The same call, application by application: no place today, when no selection is made,
    /// and a place with the reform, whose projects left out lose their amount, each with its reason.
    @Test func anApplicationOfACallSelectedInOneRunOnlyHasAPlaceInThatRunOnly() throws {
        let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
        let reform = try envelopeReform(catalog)
        var rows: [String] = []
        let summary = Simulation(catalog: catalog, reform: reform).run(paths: portfolio, row: { rows.append($0) })
        let call = try #require(summary.schemes["pdesi"]?.call)
        #expect(rows.count == call.before.admissible && call.after.admissible == call.before.admissible)
        var retained = 0, left = 0
        for row in rows {
            let fields = row.split(separator: ",", maxSplits: 7, omittingEmptySubsequences: false).map(String.init)
            #expect(fields[2] == "favorable", "no place today, when no selection is made: \(row)")
            if fields[4] == "favorable (retenue)" {
                retained += 1
                #expect(fields[5] != "0.00", "\(row)")
            } else {
                left += 1
                #expect(fields[4] == "favorable (liste d'attente)" || fields[4] == "favorable (non retenue)", "\(row)")
                #expect(fields[5] == "0.00" && fields[1] == "pdesi" && fields[7].count > 1, "left out, with its reason: \(row)")
            }
        }
        #expect(retained == call.after.retained && left == call.after.waiting + call.after.notRetained)
        #expect(retained > 0 && left > 0)
    }
}

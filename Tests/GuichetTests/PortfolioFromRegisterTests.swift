import Foundation
import TestSupport
import Testing

/// `guichet portfolio from-register`: last year's decided files as a portfolio, pseudonymised,
/// that evaluates as they were decided.
@Suite(.serialized) struct PortfolioFromRegisterTests {
    let temporary: TemporaryFolder
    var folder: String { temporary.path }
    let rules = ["--rules", Repository.path("Rules")]
    let housing = Repository.path("Applications/logement")

    init() throws {
        temporary = try TemporaryFolder("portfolio-from-register")
    }

    @discardableResult
    func guichet(_ arguments: [String], in place: String? = nil, expect status: Int32 = 0,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> (output: String, errors: String) {
        try CommandLine.expecting(status, arguments, in: place ?? folder, sourceLocation: sourceLocation)
    }

    func initialise() throws {
        try guichet(["init", "--authority", "cd62", "--signataire-prenom", "Claire", "--signataire-nom", "EXEMPLE",
                     "--signataire-qualite", "Présidente du Conseil départemental", "--service", "Direction de l'habitat"])
    }

    /// The housing aids decided by the President on 1 December 2020.
    func decideHousing(from samples: String) throws {
        try initialise()
        try guichet(["evaluate", samples, "--date", "2020-12-01"] + rules)
        for scheme in ["fsl-acces", "fonds-solvabilisation", "fonds-dettes-loyer"] {
            try guichet(["decide", scheme, samples, "--acte", "A-\(scheme)", "--date", "2020-12-01"] + rules)
        }
    }

    /// Outcome and amount by scheme and application, from a batch's summary.jsonl.
    func results(_ summary: String) throws -> [String: String] {
        var results: [String: String] = [:]
        for line in try String(contentsOfFile: summary, encoding: .utf8).split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let key = "\(object["scheme"] ?? "")/\(object["id"] ?? "")"
            results[key] = "\(object["outcome"] ?? "") \(object["amount"] ?? "—")"
        }
        return results
    }

    @Test func theYearsDecisionsEvaluateAsDecidedAndNameNoOne() throws {
        try decideHousing(from: housing)
        let run = try guichet(["portfolio", "from-register", "--year", "2020", housing] + rules)
        #expect(run.output.contains("16 demandes décidées en 2020, sur 17 décisions"))
        let path = "\(folder)/portfolio-registre-2020.yaml"
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)

        // Evaluated elsewhere, with no register, the portfolio gives each decision again.
        let elsewhere = try TemporaryFolder("portfolio-elsewhere")
        try guichet(["evaluate", path, "--out", "portfolio", "--date", "2020-12-01"] + rules, in: elsewhere.path)
        try guichet(["evaluate", housing, "--out", "samples", "--date", "2020-12-01"] + rules, in: elsewhere.path)
        let fromPortfolio = try results("\(elsewhere.path)/portfolio/summary.jsonl")
        let fromSamples = try results("\(elsewhere.path)/samples/summary.jsonl")
        #expect(fromPortfolio.count == 17)
        for (key, result) in fromPortfolio { #expect(fromSamples[key] == result, "\(key)") }

        // No applicant's name, address or file number, no instructor's note.
        let portfolio = try String(contentsOfFile: path, encoding: .utf8)
        let samples = try FileManager.default.contentsOfDirectory(atPath: housing).map {
            try String(contentsOfFile: "\(housing)/\($0)", encoding: .utf8)
        }.joined()
        for name in ["Léa Martin", "Famille Deschamps", "ASE-62-1001", "Reste à vivre"] {
            #expect(samples.contains(name), "the samples hold \(name)")
            #expect(!portfolio.contains(name), "\(name)")
        }
    }

    /// A household's file whose aids were not all decided in the year requests only those that
    /// were, and evaluates as they were decided.
    @Test func aHouseholdRequestsOnlyTheAidsDecided() throws {
        try initialise()
        try guichet(["evaluate", housing, "--date", "2020-12-01"] + rules)
        try guichet(["decide", "fsl-acces", housing, "--acte", "A-fsl-acces", "--date", "2020-12-01"] + rules)
        try guichet(["portfolio", "from-register", "--year", "2020", housing] + rules)
        let portfolio = try String(contentsOfFile: "\(folder)/portfolio-registre-2020.yaml", encoding: .utf8)
        let household = try #require(portfolio.components(separatedBy: "---\n").first { $0.contains("id: \"MEN-2020-0401\"") })
        #expect(household.contains("family: logement\nrequests: [fsl-acces]\n"), "\(household)")
        let elsewhere = try TemporaryFolder("household-elsewhere")
        try guichet(["evaluate", "\(folder)/portfolio-registre-2020.yaml", "--out", "p", "--date", "2020-12-01"] + rules, in: elsewhere.path)
        let results = try results("\(elsewhere.path)/p/summary.jsonl")
        #expect(results["fonds-solvabilisation/MEN-2020-0401"] == nil)
        #expect(results["fsl-acces/MEN-2020-0401"] != nil)
    }

    @Test func aDecisionWhoseFileChangedOrIsMissingIsToldNotGuessed() throws {
        let samples = "\(folder)/demandes"
        try FileManager.default.copyItem(atPath: housing, toPath: samples)
        try decideHousing(from: samples)
        let changed = "\(samples)/01-solvabilisation-loyer-residuel.yaml"
        let text = try String(contentsOfFile: changed, encoding: .utf8)
        try text.replacingOccurrences(of: "loyer: 450 €", with: "loyer: 455 €").write(toFile: changed, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: "\(samples)/02-solvabilisation-plafond.yaml")
        let run = try guichet(["portfolio", "from-register", "--year", "2020", samples] + rules, expect: 1)
        #expect(run.errors.contains("FSJ-2020-0101 (fonds-solvabilisation) ne porte plus les faits décidés le 1er décembre 2020"))
        #expect(run.errors.contains("01-solvabilisation-loyer-residuel.yaml:"))
        #expect(run.errors.contains("aucun dossier donné ne porte la demande FSJ-2020-0102"))
    }

    /// Without its key the register gives no pseudonyms: no portfolio, and the register's error.
    @Test func aRegisterWithoutItsKeyWritesNoPortfolio() throws {
        try decideHousing(from: housing)
        try FileManager.default.removeItem(atPath: "\(folder)/.guichet/registre.sqlite.key")
        let run = try guichet(["portfolio", "from-register", "--year", "2020", housing] + rules, expect: 1)
        #expect(run.errors.contains(".guichet/registre.sqlite: erreur : la clé de pseudonymisation"), "\(run.errors)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/portfolio-registre-2020.yaml"))
    }

    @Test func aYearWithoutDecisionsSaysSo() throws {
        try decideHousing(from: housing)
        let run = try guichet(["portfolio", "from-register", "--year", "2019", "--scheme", "fsl-acces", housing] + rules)
        #expect(run.output.contains("Aucune décision de 2019 du dispositif « fsl-acces »"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/portfolio-registre-2019.yaml"))
    }
}

/// `guichet portfolio generate` with a budget, a mix and owners: what it writes, and how the
/// call's demand compares with its envelope.
@Suite struct PortfolioBudgetCommandTests {
    @Test func aBudgetSizesThePortfolioAndTheEnvelopeIsCompared() throws {
        let folder = try TemporaryFolder("portfolio-budget")
        let run = try CommandLine.run(["portfolio", "generate", "pdesi", "--budget", "1 000 000 €", "--mix", "commune=70,epci=30",
                                       "--owners", "200", "--out", "p.yaml", "--rules", Repository.path("Rules"),
                                       "--parametres", Repository.path("Applications/parametres-fictifs.yaml")], in: folder.path, timeout: 120)
        #expect(run.status == 0, "\(run.stderr)")
        let output = run.stdout.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{A0}", with: " ")
        let budget = try #require(output.split(separator: "\n").first { $0.hasPrefix("budget visé : 1 000 000,00 € ; le portefeuille demande ") })
        // The demand the portfolio reached, within 10 % of the budget (the sizing is corrected to 2 %,
        // but a portfolio of a hundred projects moves by whole projects).
        let gap = try #require(budget.split(separator: "écart ").last.map { $0.filter { "0123456789,".contains($0) } })
        #expect((Double(gap.replacingOccurrences(of: ",", with: ".")) ?? 100) <= 10, "\(budget)")
        #expect(output.contains("enveloppe de l'appel : 150 000,00 € (valeur fictive) ; les projets admissibles demandent "))
        let text = try String(contentsOfFile: "\(folder.path)/p.yaml", encoding: .utf8)
        #expect(text.contains("kind: EPCI") && text.contains("kind: commune") && !text.contains("kind: association"))
    }
}

/// `evaluate` on the collèges' sample: an allocation is computed, not granted, and the summary
/// says so.
@Suite struct AllocationSummaryCommandTests {
    @Test func theSummarySaysAllocationsAreComputed() throws {
        let folder = try TemporaryFolder("allocation-summary")
        let run = try CommandLine.run(["evaluate", Repository.path("Applications/colleges"), "--out", "dotations", "--date", "2020-10-15",
                                       "--rules", Repository.path("Rules"),
                                       "--parametres", Repository.path("Applications/parametres-fictifs.yaml")], in: folder.path, timeout: 120)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("12 simulations : 12 dotations calculées"), "\(run.stdout)")
        #expect(run.stdout.contains("dotation calculée") && !run.stdout.contains("favorable"))
    }
}

import Evaluator
import ExactDecimal
import Foundation
import SchemeLanguage
import TestSupport
@testable import Simulation
import Testing

/// Why each application changes: read from its two evaluations, grouped and counted in the
/// reports, one per line in the CSV.
@Suite struct ChangeReasonTests {
    let files: SimulationTests

    init() throws {
        files = try SimulationTests()
    }

    /// A rate of 60 % for inscribed sites, the cap left at 40 000 € a year per owner.
    func rateOnly() throws -> Reform {
        try ReformLoader.load(path: try files.write("""
            name: Taux de 60 % seul
            rationale: Le taux des E.S.I. inscrits passe à 60 %, le plafond annuel reste de 40 000 €.
            overrides:
              pdesi: {taux_inscrit: {value: 60 %}}
            """, name: "reform.yaml"), schemes: files.catalog.schemes).get()
    }

    /// Two owners, each with files in filing order (same day, then by id).
    /// Owner 1: W-1 gets 33 300 € today (50 % of 66 600), 39 960 € with 60 %; W-2 then gets
    /// what is left under the 40 000 € cap: 6 700 € today (50 % of 13 400, all of it), 40 €
    /// with the reform: the issue's « from 6 700 € to 40 € ».
    /// Owner 2: X-1 the same as W-1; X-2 takes 6 650 € today and the 40 € left with the
    /// reform; X-3 gets the 50 € left today and nothing with the reform: the cap is reached,
    /// its criterion fails.
    var portfolio: String {
        files.pdesi("W-1", siren: "216200001", esi: "E1", category: "inscrit_1", expense: "66 600 €")
            + files.pdesi("W-2", siren: "216200001", esi: "E2", category: "inscrit_1", expense: "13 400 €")
            + files.pdesi("X-1", siren: "216200002", esi: "E3", category: "inscrit_2", expense: "66 600 €")
            + files.pdesi("X-2", siren: "216200002", esi: "E4", category: "inscrit_2", expense: "13 300 €")
            + files.pdesi("X-3", siren: "216200002", esi: "E5", category: "inscrit_2", expense: "100 €")
    }

    func index(_ scheme: Scheme, criterion id: String) throws -> Int { try #require(scheme.criteria.firstIndex { $0.id == id }) }
    func index(_ scheme: Scheme, step id: String) throws -> Int { try #require(scheme.amount?.steps.firstIndex { $0.id == id }) }
    func index(_ scheme: Scheme, parameter id: String) throws -> Int { try #require(scheme.parameters.firstIndex { $0.id == id }) }

    @Test func aCapUsedUpByEarlierFilesIsTheReasonNotTheRate() throws {
        let (summary, rows) = try files.simulate(try rateOnly(), portfolio)
        let scheme = try #require(files.catalog.schemes["pdesi"])
        let totals = try #require(summary.schemes["pdesi"])
        let capStep = try index(scheme, step: "plafond_disponible"), rateStep = try index(scheme, step: "aide_avant_plafond")
        let criterion = try index(scheme, criterion: "plafond-annuel-disponible"), rate = try index(scheme, parameter: "taux_inscrit")
        let limit = try #require(scheme.limits.firstIndex { $0.id == "aides_annee" })
        let capBinds = ChangeReason(effect: .capBinds, subject: capStep, cause: .limitRose, causeIndex: limit)
        let fails = ChangeReason(effect: .criterionFailed, subject: criterion, cause: .limitRose, causeIndex: limit)
        let rises = ChangeReason(effect: .step, subject: rateStep, cause: .parameter, causeIndex: rate)
        // W-2 and X-2 fall to 40 €, X-3 becomes unfavourable, W-1 and X-1 rise with the rate.
        #expect(totals.reasons[ChangeReason.Group(shift: .less, reason: capBinds)]?.count == 2)
        #expect(totals.reasons[ChangeReason.Group(shift: .less, reason: capBinds)]?.difference == DecimalNumber(-(6_660 + 6_610)))
        #expect(totals.reasons[ChangeReason.Group(shift: .outcome(.favorable, .unfavorable), reason: fails)]?.count == 1)
        #expect(totals.reasons[ChangeReason.Group(shift: .more, reason: rises)]?.count == 2)
        #expect(totals.reasons.values.reduce(0) { $0 + $1.count } == totals.changed && totals.changed == 5)
        // The CSV says it on W-2's line, the last field before the breakdowns' (none here).
        let line = try #require(rows.first { $0.hasPrefix("W-2,") })
        #expect(line.hasPrefix("W-2,pdesi,favorable (retenue),6700.00,favorable (retenue),40.00,-6660.00,"))
        #expect(line.hasSuffix(",\"l'étape « Plafond disponible » limite désormais l'aide, car les demandes déposées plus tôt ont augmenté "
                               + "le cumul « Aides P.D.E.S.I. déjà accordées au maître d'ouvrage dans l'année civile, pour des E.S.I. inscrits »\",,,"))
        #expect(try #require(rows.first { $0.hasPrefix("W-1,") }).hasSuffix("car le paramètre « Taux de participation pour un E.S.I. "
                                                                            + "inscrit (1re ou 2e catégorie) » passe de 50\u{00A0}% à 60\u{00A0}%\",,,"))
    }

    @Test func theReportsGroupTheReasonsInFrenchSentences() throws {
        let (summary, _) = try files.simulate(try rateOnly(), portfolio)
        let impact = ReformImpact(summary, catalog: files.catalog)
        let markdown = SimulationReport.markdown(impact), html = SimulationPage.html(impact)
        let sentence = "2 demandes reçoivent moins (-13\u{202F}270,00\u{00A0}€ au total) : l'étape « Plafond disponible » limite désormais "
            + "l'aide, car les demandes déposées plus tôt ont augmenté le cumul « Aides P.D.E.S.I. déjà accordées au maître d'ouvrage "
            + "dans l'année civile, pour des E.S.I. inscrits »."
        #expect(markdown.contains("### \(SchemeImpact.reasonsTitle)\n"))
        #expect(markdown.contains("- \(sentence)\n"))
        #expect(html.contains("<li>\(SimulationPage.escape(sentence))</li>"))
        let refusal = "1 demande devient défavorable (-50,00\u{00A0}€ au total) : le critère « Pour un E.S.I. inscrit, le plafond annuel "
            + "de 40\u{202F}000,00\u{00A0}€ par maître d'ouvrage n'est pas atteint. » n'est plus rempli, car les demandes déposées plus tôt "
            + "ont augmenté le cumul"
        #expect(markdown.contains("- \(refusal)"))
        // The largest groups first; the losers' table names the reason of each row.
        let scheme = try #require(impact.schemes.first)
        #expect(scheme.reasons.map(\.count) == scheme.reasons.map(\.count).sorted(by: >))
        #expect(scheme.losers.first?.cells.last?.hasPrefix("l'étape « Plafond disponible » limite désormais l'aide") == true)
        #expect(SchemeImpact.changesHeader.last == "Raison")
    }

    /// On the samples with the bundled reform, every changed line has a reason and no other
    /// line does; the groups add up to the totals.
    @Test func everyChangedApplicationOfTheSamplesHasAReason() throws {
        let path = Repository.path("Applications/pdesi")
        var rows: [String] = []
        let summary = Simulation(catalog: files.catalog, reform: try files.reform("Rules/reforms/pdesi-60.yaml"))
            .run(paths: [path], row: { rows.append($0) }, csvFormat: .spreadsheet)
        let totals = try #require(summary.schemes["pdesi"])
        #expect(totals.changed > 0)
        for row in rows {
            let fields = row.split(separator: ";", omittingEmptySubsequences: false)
            #expect(fields.count == 11, "\(row)")
            let changed = fields[2] != fields[4] || fields[6] != "0,00"
            #expect(changed == !fields[7].isEmpty, "\(row)")
        }
        #expect(totals.reasons.values.reduce(0) { $0 + $1.count } == totals.changed)
        let sum = try totals.reasons.values.reduce(DecimalNumber.zero) { try $0.adding($1.difference) }
        #expect(sum == totals.difference)
        #expect(SimulationCSV.header(.spreadsheet).contains(";Raison;") && SimulationCSV.header(.rfc4180).contains(",reason,"))
    }

    /// Eleven applications gain and eleven lose: more than the ten kept each way, yet the
    /// headline's totals are exact.
    @Test func gainsAndLossesAreExactBeyondTheTenKept() throws {
        let reform = try ReformLoader.load(path: try files.write("""
            name: Un taux pour tous
            rationale: Un taux unique de 60 %.
            overrides:
              pdesi: {taux_inscrit: {value: 60 %}, taux_classe: {value: 60 %}}
            """, name: "reform.yaml"), schemes: files.catalog.schemes).get()
        // Inscribed: 500 € → 600 €; classified: 700 € → 600 €.
        let portfolio = (1...11).map { files.pdesi("I-\($0)", siren: "2162000\(10 + $0)", esi: "EI\($0)", category: "inscrit_1", expense: "1 000 €") }.joined()
            + (1...11).map { files.pdesi("C-\($0)", siren: "2162001\(10 + $0)", esi: "EC\($0)", category: "classe", expense: "1 000 €") }.joined()
        let (summary, _) = try files.simulate(reform, portfolio)
        let scheme = try #require(ReformImpact(summary, catalog: files.catalog).schemes.first)
        #expect(scheme.winners.count == 10 && scheme.losers.count == 10)
        #expect(scheme.gained == DecimalNumber(1_100) && scheme.lost == DecimalNumber(-1_100))
        let markdown = SimulationReport.markdown(ReformImpact(summary, catalog: files.catalog))
        #expect(markdown.contains("- Gagnants et perdants : 11 demandes reçoivent davantage (+1\u{202F}100,00\u{00A0}€ au total) ; "
                                  + "11 demandes reçoivent moins (-1\u{202F}100,00\u{00A0}€ au total).\n"))
    }

    /// The reason sits in the padding of a held call project: a million held projects take no
    /// more memory. 176 bytes is the item's stride without it (16 more, measured, when it was
    /// declared after the placements: 9 MB at peak for 550 000 held projects).
    @Test func aHeldProjectIsNoLargerForItsReason() {
        #expect(MemoryLayout<ChangeReason>.size == 8)
        #expect(MemoryLayout<SimulationSummary.Item>.stride <= 176)
    }
}

/// What a rule reads for one application: the branch its facts settle.
@Suite struct ReasonReadsTests {
    @Test func aClassifiedSiteReadsItsOwnRateAndCapOnly() throws {
        let tests = try SimulationTests()
        let scheme = try #require(tests.catalog.schemes["pdesi"])
        let category = try #require(scheme.inputIndex("esi.categorie"))
        let step = try #require(scheme.amount?.steps.firstIndex { $0.id == "montant" })
        let reads = { (value: String) -> [String] in
            var facts = [Value?](repeating: nil, count: scheme.inputs.count)
            facts[category] = .enumeration(value)
            var reads = ReasonTracer.Reads()
            ReasonTracer.collect(scheme.amount!.steps[step].expression, scheme: scheme, facts: facts, into: &reads)
            return reads.parameters.map { scheme.parameters[$0].id } + reads.limits.map { scheme.limits[$0].id }
        }
        #expect(Set(reads("classe")) == ["taux_classe", "plafond_classe"])
        #expect(Set(reads("inscrit_1")) == ["taux_inscrit", "plafond_inscrit", "aides_annee"])
        // Unknown facts: both branches.
        var unknown = ReasonTracer.Reads()
        ReasonTracer.collect(scheme.amount!.steps[step].expression, scheme: scheme, facts: [], into: &unknown)
        #expect(unknown.parameters.count == 4)
    }
}

/// The simulation's registers hold one entry per favourable decision and limit, in each run.
@Suite struct MemoryRegisterTests {
    @Test func anEntryIsHeldInSixtyFourBytesAndReadBackWhole() throws {
        #expect(MemoryLayout<MemoryRegister.Held>.stride == 64)
        let filed = try #require(LocalDate(year: 2020, month: 10, day: 12))
        let held = MemoryRegister.Held(applicationID: "PDESI-2020-001", filed: filed,
                                       amount: DecimalNumber(significand: 3_000_000, scale: 2), months: 12)
        #expect(held.entry == LimitEntry(applicationID: "PDESI-2020-001", filed: filed,
                                         amount: DecimalNumber(significand: 3_000_000, scale: 2), months: 12))
        let none = MemoryRegister.Held(applicationID: "X", filed: filed, amount: nil, months: 0)
        #expect(none.entry.amount == nil)
    }
}

/// The reasons a lower rate gives: a cap that no longer limits the aid, because the files filed
/// before took less of it.
@Suite struct ReleasedCapTests {
    let files: SimulationTests

    init() throws {
        files = try SimulationTests()
    }

    /// One owner. W-1: 33 300 € today (50 % of 66 600), 26 640 € at 40 %. W-2 asks 50 % of
    /// 20 000 € today, capped at the 6 700 € left under the 40 000 € cap; at 40 %, its 8 000 €
    /// fit in the 13 360 € left: the cap no longer limits it, the earlier file having taken less.
    @Test func aCapThatNoLongerLimitsTheAidSaysTheEarlierFilesTookLess() throws {
        let reform = try ReformLoader.load(path: try files.write("""
            name: Taux de 40 %
            rationale: Le taux des E.S.I. inscrits passe à 40 %.
            overrides:
              pdesi: {taux_inscrit: {value: 40 %}}
            """, name: "reform.yaml"), schemes: files.catalog.schemes).get()
        let portfolio = files.pdesi("W-1", siren: "216200001", esi: "E1", category: "inscrit_1", expense: "66 600 €")
            + files.pdesi("W-2", siren: "216200001", esi: "E2", category: "inscrit_1", expense: "20 000 €")
        let (summary, rows) = try files.simulate(reform, portfolio)
        let scheme = try #require(files.catalog.schemes["pdesi"])
        let totals = try #require(summary.schemes["pdesi"])
        let capStep = try #require(scheme.amount?.steps.firstIndex { $0.id == "plafond_disponible" })
        let limit = try #require(scheme.limits.firstIndex { $0.id == "aides_annee" })
        let released = ChangeReason(effect: .capReleased, subject: capStep, cause: .limitFell, causeIndex: limit)
        let tally = totals.reasons[ChangeReason.Group(shift: .more, reason: released)]
        #expect(tally?.count == 1 && tally?.difference == DecimalNumber(1_300), "\(totals.reasons)")
        let markdown = SimulationReport.markdown(summary, catalog: files.catalog)
        let sentence = "1 demande reçoit davantage (+1\u{202F}300,00\u{00A0}€ au total) : l'étape « \(scheme.amount!.steps[capStep].label) » "
            + "ne limite plus l'aide, car les demandes déposées plus tôt ont diminué le cumul « \(scheme.limits[limit].label) »."
        #expect(markdown.contains(sentence), "\(markdown)")
        let line = try #require(rows.first { $0.hasPrefix("W-2,") })
        #expect(line.contains("ne limite plus l'aide") && line.contains("ont diminué le cumul"), "\(line)")
    }
}

import Batch
import Evaluator
import ExactDecimal
import Foundation
import GRDB
import Register
import SchemeLanguage
import TestSupport
import Testing

/// Register entries read back typed: an outcome, a date, an exact amount; a row that does not
/// read back is an error that names it.
@Suite struct RegisterEntryTests {
    /// The register tests' folder, files and batches.
    let base = try! RegisterTests()

    var registerPath: String { "\(base.folder)/r.sqlite" }

    /// A register whose only row is PDESI application A (30 000 €), filed on 12 October 2020:
    /// decided, so that limits and `granted` read it, or only instructed.
    func registerWithA(decided: Bool = true) throws -> DecisionRegister {
        let register = try DecisionRegister.open(path: registerPath)
        let path = try base.write("a.yaml", PDESIFixture.application("A", filed: "2020-10-12", category: "inscrit_1", expense: "60 000 €"))
        if decided {
            _ = try base.decide([path], register: register)
        } else {
            _ = try base.run([path], register: register)
        }
        return register
    }

    /// Changes the database behind guichet's back, as a hand edit or a damaged file would.
    func tamper(_ sql: String) throws {
        let queue = try DatabaseQueue(path: registerPath)
        try queue.write { try $0.execute(sql: sql) }
    }

    @Test(arguments: [true, false])
    func anEntryReadsBackTyped(decided: Bool) throws {
        let entry = try #require(try registerWithA(decided: decided).currentEntries().first)
        #expect(entry.stage == (decided ? .decision : .instruction))
        #expect(entry.outcome == .favorable)
        #expect(entry.filed == LocalDate(year: 2020, month: 10, day: 12))
        #expect(entry.amount == DecimalNumber(30_000))
        #expect(entry.amountText == "30000.00")
    }

    /// A scheme rounding to the tenth of a cent: the register used to keep the cents only, so a
    /// limit read back 50,00 € where 50,003 € was granted.
    @Test func anAmountFinerThanTheCentIsKeptExactly() throws {
        let text = DemoScheme.text(rounding: "half-up").replacing("step: 0.01 €", with: "step: 0.001 €")
        let scheme = try Load.scheme(text)
        let evaluation = try Load.evaluate(DemoScheme.application("a: true, b: true, c: true, base: \"20,0014 €\", x: 1, y: 1",
                                                                  extra: "confirmed: all\nfindings: {manuel: {satisfied: true}}"),
                                           scheme: scheme)
        #expect(evaluation.amount?.final == DecimalNumber(significand: 10_001, scale: 3))
        let register = try DecisionRegister.open(path: registerPath)
        try register.record(evaluation, inputHash: "h", decisionFile: nil, stage: StageRecord(stage: .decision))
        try register.record(evaluation, inputHash: "h", decisionFile: nil, stage: StageRecord(stage: .decision))
        let entries = try register.allEntries()
        #expect(entries.count == 1, "the same decision recorded again adds no history")
        #expect(entries.first?.amount == DecimalNumber(significand: 10_001, scale: 3))
        #expect(RegisterCSV.render(entries).contains("demo,D-1,2020-10-01,favorable,10.001,0,"))
    }

    @Test(arguments: [
        ("outcome", "'favorabl'", "une issue connue (favorable, défavorable, incomplet, à instruire)"),
        ("filed", "'2020-13-01'", "une date au format ISO (2020-10-15)"),
        ("amount", "'30 000,00'", "un montant au format canonique (1234.50)"),
        ("months", "'six'", "un nombre entier"),
    ])
    func aCorruptRowIsAnErrorThatNamesIt(_ column: String, _ value: String, _ expected: String) throws {
        _ = try registerWithA()
        try tamper("UPDATE decision SET \(column) = \(value) WHERE application = 'A'")
        let register = try DecisionRegister.openExisting(path: registerPath)
        for query in [{ try register.currentEntries() }, { try register.history(of: "A") }, { try register.allEntries() }] {
            #expect {
                try query()
            } throws: { error in
                let message = "\(error)"
                return message.hasPrefix("le registre \(registerPath) contient une décision illisible (ligne 1 de la table decision, "
                                         + "dispositif « pdesi », demande « A ») : la colonne \(column) contient « \(value.dropFirst().dropLast()) », et non \(expected)")
            }
        }
    }

    @Test func anAmountWhereTextBelongsIsNamedToo() throws {
        _ = try registerWithA()
        try tamper("UPDATE decision SET amount = x'00ff' WHERE application = 'A'")
        #expect { try DecisionRegister.openExisting(path: registerPath).granted(to: "216200001") } throws: { error in
            "\(error)".contains("la colonne amount contient des octets (2), et non un montant")
        }
    }

    /// A limit that meets a corrupt row stops that application with the row named; it used to
    /// take the application's own filing date for an unreadable one.
    @Test func aLimitThatMeetsACorruptRowStopsTheApplication() throws {
        let register = try registerWithA()
        try tamper("UPDATE decision SET filed = '12/10/2020' WHERE application = 'A'")
        let report = try base.run([try base.write("b.yaml", PDESIFixture.application("B", filed: "2020-11-01", category: "inscrit_1", expense: "40 000 €"))],
                                  register: register)
        let entry = try #require(report.entries.first)
        #expect(entry.outcome == nil)
        #expect(entry.diagnostics.first?.message.contains("décision illisible (ligne 1 de la table decision, dispositif « pdesi », demande « A ») : "
                                                          + "la colonne filed contient « 12/10/2020 »") == true, "\(entry.diagnostics)")
    }

    /// Recording a fiche again for an application whose entry in force is corrupt stops the
    /// batch with the row named, rather than replace what cannot be read.
    @Test func replacingACorruptEntryStopsTheBatch() throws {
        let register = try registerWithA(decided: false)
        try tamper("UPDATE decision SET outcome = '?' WHERE application = 'A'")
        let report = try base.run([try base.write("a.yaml", PDESIFixture.application("A", filed: "2020-10-12", category: "inscrit_1", expense: "50 000 €"))],
                                  register: register)
        #expect(report.registerFailure?.contains("décision illisible (ligne 1 de la table decision") == true, "\(report.registerFailure ?? "")")
    }

    /// Deciding again an application whose decision in force is corrupt stops as well.
    @Test func decidingACorruptEntryAgainStops() throws {
        let register = try registerWithA()
        try tamper("UPDATE decision SET outcome = '?' WHERE application = 'A'")
        let path = try base.write("a.yaml", PDESIFixture.application("A", filed: "2020-10-12", category: "inscrit_1", expense: "50 000 €"))
        #expect {
            try PresidentDecisions(catalog: base.catalog).decide([path], register: register)
        } throws: { error in
            "\(error)".contains("décision illisible (ligne 1 de la table decision")
        }
    }
}

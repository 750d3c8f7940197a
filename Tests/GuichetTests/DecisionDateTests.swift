import Foundation
import TestSupport
import Testing

/// `--date`: the decision date of `evaluate` and `select`, today by default.
@Suite struct DecisionDateTests {
    /// Removed with its content when the test is over.
    let temporary: TemporaryFolder
    var folder: String { temporary.path }
    /// Filed on 31 August 2020: 775 € when decided until 6 October 2020, 1 150 € from the 7th.
    let august = Repository.path("Applications/logement/11-fsl-acces-personne-seule-aout.yaml")

    init() throws {
        temporary = try TemporaryFolder("decision-date")
    }

    /// A simulation (no register here): the documents and summary.jsonl are written all the same.
    func evaluate(_ extra: [String], out: String = "out") throws -> CommandLine.Run {
        try CommandLine.run(["evaluate", august, "--rules", Repository.path("Rules"), "--out", "\(folder)/\(out)"] + extra, in: folder)
    }

    /// The amount the run's summary.jsonl gives.
    func amount(_ out: String) throws -> String? {
        let summary = try String(contentsOfFile: "\(folder)/\(out)/summary.jsonl", encoding: .utf8)
        return summary.firstMatch(of: /"amount":"([0-9.]+)"/).map { String($0.1) }
    }

    @Test(arguments: [("2020-10-06", "775.00"), ("2020-10-07", "1150.00")])
    func theDatedParametersTakeTheirValueOnTheDateGiven(date: String, expected: String) throws {
        let run = try evaluate(["--date", date], out: date)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try amount(date) == expected)
    }

    @Test func withoutADateTheDecisionIsTakenToday() throws {
        let run = try evaluate([], out: "today")
        #expect(run.status == 0, "\(run.stderr)")
        // Today is long after 7 October 2020, whatever day the test runs.
        #expect(try amount("today") == "1150.00")
    }

    @Test(arguments: ["06/10/2020", "2020-13-01", "hier"])
    func aDateNotWrittenYYYYMMDDIsRefusedInFrench(date: String) throws {
        let run = try evaluate(["--date", date], out: "refused")
        #expect(run.status != 0)
        #expect(run.stderr.contains("--date attend une date au format AAAA-MM-JJ, par exemple --date 2020-11-02 (reçu : \(date))"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/refused"), "nothing is decided")
    }

    @Test func anApplicationIsNotDecidedBeforeItIsFiled() throws {
        let run = try evaluate(["--date", "2020-08-30"], out: "early")
        #expect(run.status == 1)
        // Located at the application, on its filing date's field.
        #expect(run.stderr.contains("11-fsl-acces-personne-seule-aout.yaml:3:1: erreur : la demande est déposée le 31 août 2020, après la date de décision retenue (30 août 2020)"),
                "\(run.stderr)")
        #expect(run.stderr.contains("(option --date) [filed]"), "\(run.stderr)")
    }

    @Test(arguments: ["evaluate", "select"])
    func theHelpSaysWhatTheDateIsForInFrench(command: String) throws {
        let run = try CommandLine.run([command, "--help"])
        let help = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("--date <AAAA-MM-JJ>"), "\(run.stdout)")
        #expect(help.contains("Date de la décision (ou de l'instruction) : les paramètres datés prennent la valeur en vigueur ce jour-là ; par défaut, aujourd'hui."),
                "\(run.stdout)")
    }

    @Test func aCallIsSelectedOnTheDateGiven() throws {
        let early = try CommandLine.run(["select", "medecins-salaries", Repository.path("Applications/medecins"), "--rules", Repository.path("Rules"),
                                         "--out", "\(folder)/select", "--date", "2020-11-01"], in: folder)
        #expect(early.status == 0, "\(early.stderr)")
        #expect(early.stderr.contains("ne prend pas part à la sélection : déposée après la séance du 1er novembre 2020"),
                "applications received after 1 November take no part in a selection that day: \(early.stderr)")
        let run = try CommandLine.run(["select", "medecins-salaries", Repository.path("Applications/medecins"), "--rules", Repository.path("Rules"),
                                       "--out", "\(folder)/select", "--date", "2020-11-20"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("retenues : 3"), "\(run.stdout)")
    }
}

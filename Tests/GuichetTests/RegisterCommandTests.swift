import Foundation
import Register
import TestSupport
import Testing

/// The register as the command line sees it: which commands may create it, and what they say
/// when it cannot be used.
@Suite(.serialized) struct RegisterCommandTests {
    /// Removed with its content when the test is over.
    let temporary: TemporaryFolder
    var folder: String { temporary.path }

    init() throws {
        temporary = try TemporaryFolder("register-cli")
    }

    /// Runs the tool in the test's folder.
    static func guichet(_ arguments: [String], in folder: String) throws -> Run {
        let run = try CommandLine.run(arguments, in: folder, timeout: 60)
        return Run(status: run.status, output: run.stdout, errors: run.stderr)
    }

    struct Run {
        let status: Int32
        let output: String
        let errors: String
    }

    func evaluate(_ application: String) throws -> Run {
        try Self.guichet(["evaluate", Repository.path(application), "--rules", Repository.path("Rules"), "--out", "out"], in: folder)
    }

    @Test func queriesOnAMistypedRegisterFailAndCreateNothing() throws {
        for query in [["granted", "216200001"], ["history", "A"], ["export"]] {
            let run = try Self.guichet(["register"] + query + ["--register", "registre-mal-tape/r.sqlite"], in: folder)
            #expect(run.status == 1, "register \(query[0])")
            #expect(run.errors.contains("il n'y a pas de registre à \(folder)/registre-mal-tape/r.sqlite"), "\(run.errors)")
            #expect(!run.output.contains("No favourable decision") && !run.output.contains("No decision recorded"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "nothing created")
    }

    @Test func aBatchRefusesToRunWhenTheKeyIsLost() throws {
        let application = "Applications/logement/01-solvabilisation-loyer-residuel.yaml"
        #expect(try evaluate(application).status == 0)
        try FileManager.default.removeItem(atPath: "\(folder)/.guichet/registre.sqlite.key")
        let run = try evaluate(application)
        #expect(run.status == 1)
        #expect(run.errors.contains("la clé de pseudonymisation .guichet/registre.sqlite.key est introuvable"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/.guichet/registre.sqlite.key"))
        // The query finds the register, but cannot find a person without the key.
        let query = try Self.guichet(["register", "granted", "ASE-62-1001"], in: folder)
        #expect(query.status == 1 && query.errors.contains("introuvable"))
    }

    @Test func aSecondBatchOnTheSameRegisterSaysWhichProcessHoldsIt() throws {
        // This test's process holds the register, as a long batch would.
        let holder = try DecisionRegister.open(path: "\(folder)/.guichet/registre.sqlite")
        try holder.claim()
        defer { holder.release() }
        let start = Date()
        let run = try evaluate("Applications/pdesi/01-wimereux-sentier-littoral.yaml")
        #expect(Date().timeIntervalSince(start) >= 4.5, "it waited for the register before giving up")
        #expect(run.status == 1)
        #expect(run.errors.contains("le registre .guichet/registre.sqlite est utilisé par un autre processus guichet (pid \(getpid()), depuis "),
                "\(run.errors)")
        #expect(!run.errors.contains("database is locked"))
        #expect(!run.output.contains("application(s)"), "no summary of a batch that did not run")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/out"), "the output folder, maybe the other run's, is left alone")
    }
}

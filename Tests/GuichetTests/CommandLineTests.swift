import Foundation
import TestSupport
import Testing

/// The tool as a user runs it: what it prints, its exit code, what it refuses.
@Suite struct CommandLineTests {
    /// Removed with its content when the test is over.
    let temporary: TemporaryFolder
    var folder: String { temporary.path }

    /// An instructor's working folder, made by « guichet init » under a permissive umask, as a
    /// user's login may set it.
    init() throws {
        temporary = try TemporaryFolder("cli")
        try FileManager.default.createDirectory(atPath: "\(folder)/apps", withIntermediateDirectories: true)
        let initialised = try CommandLine.run(["init"], in: temporary.path, umask: "022")
        if initialised.status != 0 { throw Failure("guichet init: \(initialised.stderr)") }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name)"))
    }

    /// Runs « guichet evaluate » in the working folder: each application gets an instruction fiche,
    /// recorded in the folder's register.
    func evaluate(_ paths: [String], rules: String = Repository.path("Rules"), timeout: Double = 30, umask: String? = nil) throws -> CommandLine.Run {
        try CommandLine.run(["evaluate"] + paths + ["--rules", rules, "--out", "\(folder)/out", "--date", "2020-12-01"],
                            in: folder, timeout: timeout, umask: umask)
    }

    /// A submitted file can neither drive the terminal nor forge an error line.
    @Test func controlCharactersInAFileAreShownEscaped() throws {
        try write("apps/evil.yaml", """
            scheme: pdesi
            id: "EVIL\\e[2J\\e]0;pwned\\a\\nrules.yaml:1:1: erreur : forged"
            filed: 2020-10-01
            applicant: {name: "A\\rB"}
            facts: {esi.categorie: "inscrit_1\\e[31m"}
            """)
        let run = try evaluate(["\(folder)/apps"])
        #expect(run.status == 1)
        for text in [run.stdout, run.stderr] {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(text.debugDescription)")
        }
        #expect(!run.stderr.split(separator: "\n").contains { $0.hasPrefix("rules.yaml:1:1") })
        #expect(run.stderr.contains("\\e[2J") || run.stderr.contains("\\e[31m"))
    }

    /// A named pipe where an application is expected is reported, not waited on forever.
    @Test func aNamedPipeIsReportedWithoutHanging() throws {
        try write("apps/a.yaml", try String(contentsOfFile: Repository.path("Applications/pdesi/01-wimereux-sentier-littoral.yaml"), encoding: .utf8))
        #expect(mkfifo("\(folder)/apps/pipe.yaml", 0o600) == 0)
        let run = try evaluate(["\(folder)/apps", "\(folder)/apps/pipe.yaml"], timeout: 20)
        #expect(run.finished)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(folder)/apps/pipe.yaml:1:1: erreur :"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/out/PDESI-2020-001.md"))
    }

    @Test func aPipeInTheRulesFolderIsReportedWithoutHanging() throws {
        try FileManager.default.createDirectory(atPath: "\(folder)/rules", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.path("Rules/pdesi.yaml"), toPath: "\(folder)/rules/pdesi.yaml")
        #expect(mkfifo("\(folder)/rules/pipe.yaml", 0o600) == 0)
        let run = try CommandLine.run(["check", "\(folder)/rules"], timeout: 20)
        #expect(run.finished)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(folder)/rules/pipe.yaml:1:1: erreur :"))
    }

    @Test func anEmptyFolderSaysSoAndFails() throws {
        let run = try evaluate(["\(folder)/apps"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(folder)/apps:1:1: erreur : aucun fichier YAML"))
    }

    @Test func aBrokenLinkIsReportedAndFails() throws {
        try write("apps/a.yaml", try String(contentsOfFile: Repository.path("Applications/pdesi/01-wimereux-sentier-littoral.yaml"), encoding: .utf8))
        try FileManager.default.createSymbolicLink(atPath: "\(folder)/apps/b.yaml", withDestinationPath: "\(folder)/gone.yaml")
        let run = try evaluate(["\(folder)/apps"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(folder)/apps/b.yaml:1:1: erreur : lien vers un fichier absent"))
    }

    /// A folder that cannot be opened is an error with its path, never a silent gap in a batch.
    /// Root opens every folder, so the tool runs as `nobody` when the tests run as root.
    @Test(.enabled(if: CommandLine.canRunUnprivileged)) func anUnreadableSubfolderIsReportedAndFails() throws {
        // The tool and the rules are copied where `nobody` may read them, wherever the checkout is.
        try FileManager.default.createDirectory(atPath: "\(folder)/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try #require(CommandLine.executable), toPath: "\(folder)/bin/guichet")
        try FileManager.default.copyItem(atPath: Repository.path("Rules"), toPath: "\(folder)/rules")
        try write("apps/a.yaml", try String(contentsOfFile: Repository.path("Applications/pdesi/01-wimereux-sentier-littoral.yaml"), encoding: .utf8))
        try FileManager.default.createDirectory(atPath: "\(folder)/apps/locked", withIntermediateDirectories: true)
        try write("apps/locked/b.yaml", "scheme: pdesi\n")
        try FileManager.default.createDirectory(atPath: "\(folder)/reg", withIntermediateDirectories: true)
        // The unprivileged run reads the applications and the rules, and writes its outputs here.
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) { chmod("\(folder)/\(path)", 0o755) }
        chmod(folder, 0o777)
        chmod("\(folder)/reg", 0o777)
        chmod("\(folder)/apps/locked", 0)
        defer { chmod("\(folder)/apps/locked", 0o700) }
        // Its own working folder, made by itself, so that it may write the register.
        let initialised = try CommandLine.run(["init"], in: "\(folder)/reg", asUnprivileged: true, binary: "\(folder)/bin/guichet")
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let run = try CommandLine.run(["evaluate", "\(folder)/apps", "--rules", "\(folder)/rules", "--out", "\(folder)/out",
                                       "--register", "\(folder)/reg/.guichet/registre.sqlite"], asUnprivileged: true, binary: "\(folder)/bin/guichet")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("\(folder)/apps/locked:1:1: erreur : lecture du dossier impossible"), "\(run.stderr)")
        #expect(run.stdout.contains("PDESI-2020-001"), "the readable application is still instructed")
    }

    /// Decisions name young people: the folder and its files are the owner's only, whatever the
    /// umask; so are the working folder's register, its key and its configuration.
    @Test func decisionsAreOwnerOnly() throws {
        let run = try evaluate([Repository.path("Applications/logement/20-menage-deux-aides.yaml")], umask: "022")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(" instruite"), "\(run.stdout)")
        let out = "\(folder)/out"
        func mode(_ path: String) throws -> Int { try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1 }
        #expect(try mode(out) == 0o700)
        #expect(try mode("\(folder)/.guichet") == 0o700)
        for file in [".guichet/registre.sqlite", ".guichet/registre.sqlite.key", "guichet.yaml"] {
            #expect(try mode("\(folder)/\(file)") == 0o600, "\(file)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(files.count >= 4)
        for file in files { #expect(try mode("\(out)/\(file)") == 0o600, "\(file)") }
    }
}

/// Runs that record nothing never create a register, and names never carry a forged line.
@Suite struct ReadOnlyRunTests {
    /// Removed with its content when the test is over.
    let temporary: TemporaryFolder
    var folder: String { temporary.path }

    init() throws {
        temporary = try TemporaryFolder("readonly")
    }

    @Test(arguments: [["evaluate", "--dry-run", Repository.path("Applications/pdesi")],
                      ["evaluate", Repository.path("Applications/pdesi")],
                      ["select", "medecins-salaries", Repository.path("Applications/medecins"), "--seance", "CP-2020-11-02", "--date", "2020-11-02"]])
    func aMistypedRegisterIsAnErrorNotANewRegister(arguments: [String]) throws {
        let run = try CommandLine.run(arguments + ["--rules", Repository.path("Rules"), "--out", "out", "--register", "typo/registre.sqlite"],
                                      in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("typo/registre.sqlite"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/typo"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/.guichet"))
    }

    /// Outside a working folder, a dry run is a simulation that says so, and writes nothing at
    /// all: no register, no documents, no summary.
    @Test func aDryRunWithoutARegisterSaysSoAndCreatesNone() throws {
        let run = try CommandLine.run(["evaluate", "--dry-run", Repository.path("Applications/pdesi"), "--rules", Repository.path("Rules"), "--out", "out"],
                                      in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("note : simulation : aucun registre ici, rien n'est enregistré (« guichet init » crée un poste d'instruction)"),
                "\(run.stderr)")
        #expect(run.stdout.contains(" simulations : "), "\(run.stdout)")
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/.guichet"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/out"))
    }

    @Test func aNameOnTwoLinesIsRefused() throws {
        let text = try String(contentsOfFile: Repository.path("Applications/medecins/01-fruges-rural.yaml"), encoding: .utf8)
        try FileManager.default.createDirectory(atPath: "\(folder)/apps", withIntermediateDirectories: true)
        let forged = text.replacing(/applicant: \{name: [^,}]+/, with: "applicant: {name: \"Evil\\nFORGED: error\"")
        try Data(forged.utf8).write(to: URL(fileURLWithPath: "\(folder)/apps/a.yaml"))
        let run = try CommandLine.run(["select", "medecins-salaries", "apps", "--rules", Repository.path("Rules"), "--out", "out"], in: folder)
        #expect(!run.stdout.split(separator: "\n").contains { $0.hasPrefix("FORGED") }, "\(run.stdout)")
        #expect(run.stderr.contains("ce texte doit tenir sur une seule ligne"), "\(run.stderr)")
    }
}

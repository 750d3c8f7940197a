import Batch
import Foundation
import GRDB
import Platform
@testable import Register
import RuleSet
import TestSupport
import Testing

/// A register and its pseudonymisation key belong together: a register that holds decisions
/// never runs with a new or another key, and a query never creates a register.
@Suite struct RegisterKeyTests {
    let catalog = SchemeCatalog.load(directory: Repository.path("Rules"))
    /// Removed with its content when the test is over.
    let temporary: TemporaryFolder
    var folder: String { temporary.path }
    var registerPath: String { "\(folder)/r.sqlite" }
    var keyPath: String { registerPath + ".key" }

    init() throws {
        temporary = try TemporaryFolder("key")
    }

    /// A young person's application for the solvency fund, decided: 6 months granted.
    func household(_ register: DecisionRegister) throws -> PresidentDecisions.Result {
        let text = try String(contentsOfFile: Repository.path("Applications/logement/01-solvabilisation-loyer-residuel.yaml"), encoding: .utf8)
        let path = "\(folder)/household.yaml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try PresidentDecisions(catalog: catalog).decide([path], register: register)
    }

    func openingFails(path: String? = nil, keyPath: String? = nil) -> String? {
        do {
            _ = try DecisionRegister.open(path: path ?? registerPath, keyPath: keyPath)
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The register as it was before it recorded its key's fingerprint (migration v1 only).
    func removeFingerprintTable() throws {
        let database = try DatabaseQueue(path: registerPath)
        try database.write { db in
            try db.execute(sql: "DROP TABLE register_meta; DELETE FROM grdb_migrations WHERE identifier LIKE 'v2:%'")
        }
    }

    @Test func aRegisterWithDecisionsRefusesToRunWithoutItsKey() throws {
        let decided = try household(try DecisionRegister.open(path: registerPath))
        #expect(decided.failures.isEmpty && decided.evaluations.map(\.outcome) == [.favorable])
        try FileManager.default.removeItem(atPath: keyPath)
        let message = try #require(openingFails(), "a lost key must stop the register, not be replaced")
        #expect(message.contains("la clé de pseudonymisation \(keyPath) est introuvable"))
        #expect(message.contains("Restaurez ce fichier depuis votre sauvegarde"))
        #expect(message.contains("1 décision enregistrée"))
        #expect(!FileManager.default.fileExists(atPath: keyPath), "no new key for an existing register")
    }

    @Test func aRegisterRefusesAnotherKey() throws {
        _ = try household(try DecisionRegister.open(path: registerPath))
        let other = "\(folder)/other.key"
        try Data((0..<32).map { UInt8($0) }).write(to: URL(fileURLWithPath: other))
        let message = try #require(openingFails(keyPath: other))
        #expect(message.contains("la clé de pseudonymisation \(other) n'est pas celle du registre \(registerPath)"))
        // Overwriting the key file itself is caught the same way.
        try FileManager.default.removeItem(atPath: keyPath)
        try FileManager.default.copyItem(atPath: other, toPath: keyPath)
        #expect(openingFails()?.contains("n'est pas celle du registre") == true)
        // A query with the wrong key would find no one: refused as well.
        #expect(throws: RegisterError.self) { try DecisionRegister.openExisting(path: registerPath) }
    }

    @Test func theRightKeyElsewhereIsAccepted() throws {
        let elsewhere = "\(folder)/backup.key"
        _ = try household(try DecisionRegister.open(path: registerPath, keyPath: elsewhere))
        #expect(!FileManager.default.fileExists(atPath: keyPath))
        #expect(openingFails()?.contains("introuvable") == true, "the default key path holds no key")
        let register = try DecisionRegister.open(path: registerPath, keyPath: elsewhere)
        #expect(try register.granted(to: "ASE-62-1001").count == 1)
    }

    @Test func aNewRegisterAdoptsAnExistingKeyFile() throws {
        let key = (0..<32).map { UInt8(255 - $0) }
        try RegisterFile.create(keyPath, contents: key)
        _ = try household(try DecisionRegister.open(path: registerPath))
        #expect(try Data(contentsOf: URL(fileURLWithPath: keyPath)) == Data(key))
        let pseudonym = Pseudonymizer(key: key).pseudonym("ASE-62-1001")
        #expect(try DecisionRegister.open(path: registerPath).currentEntries().contains { $0.beneficiary == pseudonym })
    }

    @Test func anEmptyRegisterWithoutItsKeySaysItMayBeDeleted() throws {
        _ = try DecisionRegister.open(path: registerPath)
        try FileManager.default.removeItem(atPath: keyPath)
        let message = try #require(openingFails())
        #expect(message.contains("aucune décision : vous pouvez aussi le supprimer"))
    }

    @Test func aRegisterFromBeforeFingerprintsRecordsItsKeys() throws {
        _ = try household(try DecisionRegister.open(path: registerPath))
        try removeFingerprintTable()
        // Its key present: adopted and fingerprinted, so that another key is refused from then on.
        #expect(try DecisionRegister.open(path: registerPath).granted(to: "ASE-62-1001").count == 1)
        let original = try Data(contentsOf: URL(fileURLWithPath: keyPath))
        try Data(repeating: 7, count: 32).write(to: URL(fileURLWithPath: keyPath))
        #expect(openingFails()?.contains("n'est pas celle du registre") == true)
        // Its key missing: refused, as for any register that holds decisions.
        try original.write(to: URL(fileURLWithPath: keyPath))
        try removeFingerprintTable()
        try FileManager.default.removeItem(atPath: keyPath)
        #expect(openingFails()?.contains("1 décision enregistrée") == true)
        #expect(!FileManager.default.fileExists(atPath: keyPath))
    }

    @Test func aRegisterFromBeforeFingerprintsWithoutDecisionGetsAKey() throws {
        _ = try DecisionRegister.open(path: registerPath)
        try removeFingerprintTable()
        try FileManager.default.removeItem(atPath: keyPath)
        _ = try household(try DecisionRegister.open(path: registerPath))
        #expect(FileManager.default.fileExists(atPath: keyPath))
        #expect(try DecisionRegister.open(path: registerPath).granted(to: "ASE-62-1001").count == 1)
    }

    @Test func neitherTheKeyNorTheRegisterIsCreatedThroughALink() throws {
        let target = "\(folder)/elsewhere"
        try FileManager.default.createSymbolicLink(atPath: keyPath, withDestinationPath: target)
        #expect(openingFails()?.contains("lien symbolique") == true)
        #expect(!FileManager.default.fileExists(atPath: target))
        let linkedRegister = "\(folder)/linked.sqlite"
        try FileManager.default.createSymbolicLink(atPath: linkedRegister, withDestinationPath: target)
        #expect(openingFails(path: linkedRegister)?.contains("lien symbolique vers un fichier qui n'existe pas") == true)
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func aQueryNeverCreatesARegister() throws {
        let missing = "\(folder)/mistyped/registre.sqlite"
        #expect {
            try DecisionRegister.openExisting(path: missing)
        } throws: { error in
            "\(error)".contains("il n'y a pas de registre à \(missing)")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/mistyped"))
    }

    @Test func aQueryReadsWithoutWritingAndNeedsTheKeyOnlyToFindAPerson() throws {
        _ = try household(try DecisionRegister.open(path: registerPath))
        let register = try DecisionRegister.openExisting(path: registerPath)
        #expect(try register.granted(to: "ASE-62-1001").count == 1)
        try FileManager.default.removeItem(atPath: keyPath)
        let withoutKey = try DecisionRegister.openExisting(path: registerPath)
        #expect(try withoutKey.history(of: "FSJ-2020-0101").count == 1)
        #expect { try withoutKey.granted(to: "ASE-62-1001") } throws: { "\($0)".contains("introuvable") }
        #expect(!FileManager.default.fileExists(atPath: keyPath))
    }
}

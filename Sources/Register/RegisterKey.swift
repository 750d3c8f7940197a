import Foundation
import GRDB
import Platform
import SchemeLanguage

/// The pseudonymisation key of a register, and the fingerprint by which the register knows it.
///
/// Limits find earlier decisions of a person through pseudonyms made with the key: under any
/// other key they would find none and grant the same months or euros again. So a register that
/// holds decisions never runs with a new key; a key is created for a new, empty register only.
enum RegisterKey {
    static let fingerprintName = "key_fingerprint"

    /// HMAC of a fixed text under the key: tells one key from another without revealing it.
    static func fingerprint(_ key: [UInt8]) -> String {
        SHA256.hex(SHA256.hmac(key: key, message: Array("guichet key fingerprint v1".utf8)))
    }

    /// What the register says about its key.
    struct State {
        /// False for a register created before fingerprints, or not migrated yet.
        var complete: Bool
        var fingerprint: String?
        var decisions: Int
        /// False for a database without the register's tables.
        var isRegister: Bool

        init(_ db: Database) throws {
            let tables = try db.tableExists("decision")
            isRegister = tables
            complete = try RegisterSchema.migrator.hasCompletedMigrations(db)
            fingerprint = complete
                ? try String.fetchOne(db, sql: "SELECT value FROM register_meta WHERE name = ?", arguments: [RegisterKey.fingerprintName])
                : nil
            decisions = tables ? try Int.fetchOne(db, sql: "SELECT count(*) FROM decision") ?? 0 : 0
        }
    }

    /// The key of a register opened for writing: checked against the fingerprint, or (when the
    /// register has none yet) adopted or created and then fingerprinted, under the register's lock.
    static func settle(_ database: DatabaseQueue, register: String, keyPath: String, lock: RegisterLock) throws -> [UInt8] {
        let state = try database.read { try State($0) }
        if state.complete, let recorded = state.fingerprint {
            return try checked(keyPath, against: recorded, register: register, decisions: state.decisions)
        }
        return try lock.holding {
            try RegisterSchema.migrator.migrate(database)
            return try database.writeWithoutTransaction { db in
                var key: [UInt8] = []
                try db.inTransaction(.immediate) {
                    key = try adopt(db, keyPath: keyPath, register: register)
                    return .commit
                }
                return key
            }
        }
    }

    /// Within the lock: another process may have fingerprinted the register meanwhile.
    private static func adopt(_ db: Database, keyPath: String, register: String) throws -> [UInt8] {
        let state = try State(db)
        if let recorded = state.fingerprint {
            return try checked(keyPath, against: recorded, register: register, decisions: state.decisions)
        }
        let key: [UInt8]
        if let existing = try KeyFile.read(keyPath) {
            key = existing
        } else if state.decisions == 0 {
            key = try KeyFile.create(keyPath)
        } else {
            throw RegisterError.missingKey(keyPath, register: register, decisions: state.decisions)
        }
        try db.execute(sql: "INSERT INTO register_meta (name, value) VALUES (?, ?)", arguments: [fingerprintName, fingerprint(key)])
        return key
    }

    /// The key at `keyPath`, which must be the one the register recorded.
    static func checked(_ keyPath: String, against recorded: String, register: String, decisions: Int) throws -> [UInt8] {
        guard let key = try KeyFile.read(keyPath) else {
            throw RegisterError.missingKey(keyPath, register: register, decisions: decisions)
        }
        guard fingerprint(key) == recorded else {
            throw RegisterError.wrongKey(keyPath, register: register)
        }
        return key
    }
}

/// The key file: 32 random bytes, readable by its owner only, never reached through a link.
enum KeyFile {
    /// The key, or nil when there is no file at `path`.
    static func read(_ path: String) throws -> [UInt8]? {
        let bytes: [UInt8]
        do {
            guard let read = try FileInPlace.read(path) else { return nil }
            bytes = read
        } catch {
            if error.code == ELOOP { throw RegisterError.keyIsLink(path) }
            throw RegisterError("la clé de pseudonymisation \(path) ne peut pas être lue : \(error.reason)")
        }
        guard bytes.count >= 16 else {
            throw RegisterError("la clé de pseudonymisation \(path) est trop courte : elle doit compter au moins 16 octets ; restaurez-la depuis une sauvegarde")
        }
        return bytes
    }

    /// A new key, written and flushed to disk before the register records its fingerprint: a
    /// register must never outlive, after a power cut, the key it depends on.
    static func create(_ path: String) throws -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        try RegisterFile.create(path, contents: key)
        return key
    }
}

import GRDB

/// The register's tables, created and evolved by numbered migrations.
enum RegisterSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: decisions and the keys limits group them by") { db in
            try db.execute(sql: """
                CREATE TABLE decision (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    scheme TEXT NOT NULL,
                    application TEXT NOT NULL,
                    filed TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    amount TEXT,
                    months INTEGER NOT NULL DEFAULT 0,
                    beneficiary TEXT,
                    rules_sha256 TEXT NOT NULL,
                    input_sha256 TEXT NOT NULL,
                    decision_file TEXT,
                    current INTEGER NOT NULL DEFAULT 1
                );
                CREATE UNIQUE INDEX decision_in_force ON decision(scheme, application) WHERE current = 1;
                CREATE INDEX decision_beneficiary ON decision(beneficiary);
                CREATE INDEX decision_application ON decision(application);
                CREATE TABLE decision_key (
                    decision INTEGER NOT NULL REFERENCES decision(id) ON DELETE CASCADE,
                    limit_id TEXT NOT NULL,
                    key TEXT NOT NULL,
                    period TEXT NOT NULL,
                    PRIMARY KEY (decision, limit_id)
                );
                CREATE INDEX decision_key_lookup ON decision_key(limit_id, key, period);
                """)
        }
        migrator.registerMigration("v2: register metadata, such as the fingerprint of its key") { db in
            try db.execute(sql: "CREATE TABLE register_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        }
        migrator.registerMigration("v3: stages, the acts that decide, and who moved each application") { db in
            // Entries recorded before stages existed were computed, never decided by a body: they
            // become instruction entries, which no limit counts.
            try db.execute(sql: """
                ALTER TABLE decision ADD COLUMN stage TEXT NOT NULL DEFAULT 'instruction';
                ALTER TABLE decision ADD COLUMN reference_date TEXT;
                ALTER TABLE decision ADD COLUMN act_body TEXT;
                ALTER TABLE decision ADD COLUMN act_reference TEXT;
                ALTER TABLE decision ADD COLUMN act_date TEXT;
                ALTER TABLE decision ADD COLUMN notified_on TEXT;
                ALTER TABLE decision ADD COLUMN proposed_amount TEXT;
                ALTER TABLE decision ADD COLUMN beneficiary_name TEXT;
                ALTER TABLE decision ADD COLUMN beneficiary_id TEXT;
                ALTER TABLE decision ADD COLUMN subject TEXT;
                ALTER TABLE decision ADD COLUMN document_sha256 TEXT;
                ALTER TABLE decision ADD COLUMN note TEXT;
                ALTER TABLE decision ADD COLUMN withdrawal_ground TEXT;
                ALTER TABLE decision ADD COLUMN actor TEXT;
                ALTER TABLE decision ADD COLUMN recorded_at TEXT;
                ALTER TABLE decision ADD COLUMN decided_order INTEGER;
                ALTER TABLE decision ADD COLUMN proposal_rank INTEGER;
                UPDATE decision SET note = 'inscrite avant la gestion des étapes : tenue pour une fiche d''instruction, que rien ne compte dans les plafonds';
                CREATE INDEX decision_sitting ON decision(scheme, act_reference) WHERE current = 1;
                CREATE INDEX decision_key_value ON decision_key(key);
                """)
        }
        migrator.registerMigration("v4: the fingerprints of an act's HTML and ODT renditions") { db in
            try db.execute(sql: """
                ALTER TABLE decision ADD COLUMN html_sha256 TEXT;
                ALTER TABLE decision ADD COLUMN odt_sha256 TEXT;
                """)
        }
        return migrator
    }
}

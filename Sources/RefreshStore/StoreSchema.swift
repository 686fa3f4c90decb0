import GRDB

/// The store's versioned migrations. Never edit a migration once released: add one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "request") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("request_id", .text).unique()
                table.column("request_type", .text).notNull()
                table.column("target_value", .text).notNull()
                table.column("state", .text).notNull().indexed()
                table.column("status_code", .integer)
                table.column("status_message", .text)
                table.column("detail", .text)
                table.column("submitted_at", .double).notNull()
                table.column("server_request_at", .double)
                table.column("finished_at", .double)
                table.column("last_polled_at", .double)
                table.column("next_poll_at", .double)
                table.column("error_count", .integer).notNull().defaults(to: 0)
                table.column("owner_pid", .integer)
                table.column("creator_name", .text)
                table.column("followers", .integer)
            }
            try db.create(table: "response") { table in
                table.primaryKey("request_id", .text)
                table.column("received_at", .double).notNull()
                table.column("body", .blob).notNull()
            }
            try db.create(table: "creator") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("platform", .text).notNull()
                table.column("key", .text).notNull()
                table.column("handle", .text)
                table.column("name", .text)
                table.column("tier", .text)
                table.column("followers", .integer)
                table.column("engagement", .double)
                table.column("content_per_week", .double)
                table.column("posts", .integer)
                table.column("last_refreshed_at", .double).notNull()
                table.uniqueKey(["platform", "key"])
            }
            try db.create(table: "snapshot") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("creator_id", .integer).notNull().indexed().references("creator", onDelete: .cascade)
                table.column("request_id", .text).notNull().indexed()
                table.column("taken_at", .double).notNull()
                table.column("followers", .integer)
                table.column("following", .integer)
                table.column("posts", .integer)
                table.column("engagement", .double)
                table.column("tier", .text)
            }
        }
        migrator.registerMigration("v2") { db in
            // Poll leases in place of the submitter's process id; a revision on every row for the change feed;
            // tombstones of forgotten requests; one snapshot per finished request.
            try db.alter(table: "request") { table in
                table.add(column: "lease_holder", .text)
                table.add(column: "lease_expires_at", .double)
                table.add(column: "revision", .integer).notNull().defaults(to: 1)
                table.drop(column: "owner_pid")
            }
            try db.create(index: "request_on_revision", on: "request", columns: ["revision"])
            try db.alter(table: "creator") { table in table.add(column: "platform_id", .text) }
            try db.create(table: "store_revision") { table in
                table.primaryKey("id", .integer).check { $0 == 1 }
                table.column("value", .integer).notNull()
                table.column("creators_changed_at", .integer).notNull()
                table.column("forgotten_pruned_through", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO store_revision VALUES (1, 1, 1, 0)")
            try db.create(table: "forgotten") { table in
                table.column("revision", .integer).notNull().indexed()
                table.column("local_id", .integer).notNull()
                table.column("request_id", .text)
                table.column("forgotten_at", .double).notNull()
            }
            try db.execute(sql: "DELETE FROM snapshot WHERE id NOT IN (SELECT min(id) FROM snapshot GROUP BY request_id)")
            try db.create(index: "snapshot_one_per_request", on: "snapshot", columns: ["request_id"], unique: true)
        }
        migrator.registerMigration("v3") { db in
            // Who submitted each request; requests found by target, to join one under way or fresh.
            try db.alter(table: "request") { table in table.add(column: "submitted_by", .text) }
            try db.execute(sql: "CREATE INDEX request_on_target ON request (request_type, lower(target_value))")
        }
        migrator.registerMigration("v4") { db in
            // Rosters: named lists of creators, each member kept as the target it was added as.
            try db.execute(
                sql: """
                    CREATE TABLE roster (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL,
                        max_age DOUBLE,
                        created_at DOUBLE NOT NULL
                    );
                    CREATE UNIQUE INDEX roster_on_name ON roster (lower(name));
                    CREATE TABLE roster_member (
                        position INTEGER PRIMARY KEY AUTOINCREMENT,
                        roster_id INTEGER NOT NULL REFERENCES roster(id) ON DELETE CASCADE,
                        request_type TEXT NOT NULL,
                        target_value TEXT NOT NULL,
                        added_at DOUBLE NOT NULL,
                        UNIQUE (roster_id, request_type, target_value)
                    );
                    """)
        }
        migrator.registerMigration("v5") { db in
            // What creators are browsed and queried by: the change of followers (from the snapshots already kept),
            // growth, sponsored share, category, place and biography (filled by each refresh from now on).
            try db.execute(
                sql: """
                    ALTER TABLE creator ADD COLUMN previous_followers INTEGER;
                    ALTER TABLE creator ADD COLUMN followers_growth_month DOUBLE;
                    ALTER TABLE creator ADD COLUMN sponsored_share DOUBLE;
                    ALTER TABLE creator ADD COLUMN category TEXT;
                    ALTER TABLE creator ADD COLUMN city TEXT;
                    ALTER TABLE creator ADD COLUMN country TEXT;
                    ALTER TABLE creator ADD COLUMN biography TEXT;
                    CREATE INDEX creator_on_followers ON creator (followers);
                    CREATE INDEX creator_on_engagement ON creator (engagement);
                    CREATE INDEX creator_on_last_refreshed_at ON creator (last_refreshed_at);
                    UPDATE creator SET previous_followers = (
                        SELECT followers FROM snapshot WHERE snapshot.creator_id = creator.id
                        ORDER BY taken_at DESC, id DESC LIMIT 1 OFFSET 1);
                    """)
        }
        migrator.registerMigration("v6") { db in
            // Paid refreshes: one row per POST sent (or whose outcome is unknown), kept when its request is
            // forgotten; those already in the store counted from the requests this store submitted. Settings
            // every process using the store keeps to (the budget).
            try db.execute(
                sql: """
                    CREATE TABLE paid_refresh (
                        request_id INTEGER PRIMARY KEY,
                        sent_at DOUBLE NOT NULL,
                        submitter TEXT NOT NULL,
                        roster TEXT
                    );
                    CREATE INDEX paid_refresh_on_sent_at ON paid_refresh (sent_at);
                    INSERT INTO paid_refresh (request_id, sent_at, submitter)
                        SELECT id, submitted_at, submitted_by FROM request
                        WHERE submitted_by IS NOT NULL AND submitted_at IS NOT NULL;
                    CREATE TABLE store_setting (
                        key TEXT PRIMARY KEY,
                        value TEXT NOT NULL
                    );
                    """)
        }
        return migrator
    }
}

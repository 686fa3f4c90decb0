/// The ledger's versioned schema, in its own PostgreSQL schema `ylytic` so that it can share a team's database.
/// Never edit a released migration: add one.
enum LedgerSchema {
    /// Each migration's statements, in order; the version of a migration is its position, from 1.
    static let migrations: [[String]] = [
        [
            "CREATE SCHEMA IF NOT EXISTS ylytic",
            """
            CREATE TABLE ylytic.request (
                id bigserial PRIMARY KEY,
                request_id text UNIQUE,
                request_type text NOT NULL,
                target_value text NOT NULL,
                state text NOT NULL,
                status_code bigint,
                status_message text,
                detail text,
                submitted_at double precision NOT NULL,
                server_request_at double precision,
                finished_at double precision,
                last_polled_at double precision,
                next_poll_at double precision,
                error_count bigint NOT NULL DEFAULT 0,
                lease_holder text,
                lease_expires_at double precision,
                creator_name text,
                followers bigint,
                submitted_by text,
                revision bigint NOT NULL
            )
            """,
            "CREATE INDEX request_on_revision ON ylytic.request (revision)",
            "CREATE INDEX request_on_state ON ylytic.request (state)",
            "CREATE INDEX request_on_target ON ylytic.request (request_type, lower(target_value))",
            "CREATE INDEX request_newest_first ON ylytic.request (submitted_at DESC, id DESC)",
            """
            CREATE TABLE ylytic.response (
                request_id text PRIMARY KEY,
                received_at double precision NOT NULL,
                body bytea NOT NULL
            )
            """,
            """
            CREATE TABLE ylytic.creator (
                id bigserial PRIMARY KEY,
                platform text NOT NULL,
                key text NOT NULL,
                handle text,
                platform_id text,
                name text,
                tier text,
                followers bigint,
                engagement double precision,
                content_per_week double precision,
                posts bigint,
                last_refreshed_at double precision NOT NULL,
                UNIQUE (platform, key)
            )
            """,
            """
            CREATE TABLE ylytic.snapshot (
                id bigserial PRIMARY KEY,
                creator_id bigint NOT NULL REFERENCES ylytic.creator ON DELETE CASCADE,
                request_id text NOT NULL UNIQUE,
                taken_at double precision NOT NULL,
                followers bigint,
                following bigint,
                posts bigint,
                engagement double precision,
                tier text
            )
            """,
            "CREATE INDEX snapshot_on_creator ON ylytic.snapshot (creator_id)",
            """
            CREATE TABLE ylytic.forgotten (
                revision bigint NOT NULL,
                local_id bigint NOT NULL,
                request_id text,
                forgotten_at double precision NOT NULL
            )
            """,
            "CREATE INDEX forgotten_on_revision ON ylytic.forgotten (revision)",
            """
            CREATE TABLE ylytic.store_revision (
                id integer PRIMARY KEY CHECK (id = 1),
                value bigint NOT NULL,
                creators_changed_at bigint NOT NULL,
                forgotten_pruned_through bigint NOT NULL
            )
            """,
            "INSERT INTO ylytic.store_revision VALUES (1, 1, 1, 0)",
        ],
        // 2: rosters, named lists of creators, each member kept as the target it was added as.
        [
            """
            CREATE TABLE ylytic.roster (
                id bigserial PRIMARY KEY,
                name text NOT NULL,
                max_age double precision,
                created_at double precision NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX roster_on_name ON ylytic.roster (lower(name))",
            """
            CREATE TABLE ylytic.roster_member (
                position bigserial PRIMARY KEY,
                roster_id bigint NOT NULL REFERENCES ylytic.roster ON DELETE CASCADE,
                request_type text NOT NULL,
                target_value text NOT NULL,
                added_at double precision NOT NULL,
                UNIQUE (roster_id, request_type, target_value)
            )
            """,
        ],
        // 3: what creators are browsed and queried by: the change of followers (from the snapshots already kept),
        // and the rest (filled by each refresh from now on).
        [
            """
            ALTER TABLE ylytic.creator ADD COLUMN previous_followers bigint,
                ADD COLUMN followers_growth_month double precision, ADD COLUMN sponsored_share double precision,
                ADD COLUMN category text, ADD COLUMN city text, ADD COLUMN country text, ADD COLUMN biography text
            """,
            "CREATE INDEX creator_on_followers ON ylytic.creator (followers)",
            "CREATE INDEX creator_on_engagement ON ylytic.creator (engagement)",
            "CREATE INDEX creator_on_last_refreshed_at ON ylytic.creator (last_refreshed_at)",
            """
            UPDATE ylytic.creator c SET previous_followers = (
                SELECT s.followers FROM ylytic.snapshot s WHERE s.creator_id = c.id
                ORDER BY s.taken_at DESC, s.id DESC OFFSET 1 LIMIT 1)
            """,
        ],
        // 4: paid refreshes, one row per POST sent (or whose outcome is unknown), kept when its request is
        // forgotten; those already in the ledger counted from the requests it submitted. Settings every process
        // using the ledger keeps to (the budget).
        [
            """
            CREATE TABLE ylytic.paid_refresh (
                request_id bigint PRIMARY KEY,
                sent_at double precision NOT NULL,
                submitter text NOT NULL,
                roster text
            )
            """,
            "CREATE INDEX paid_refresh_on_sent_at ON ylytic.paid_refresh (sent_at)",
            """
            INSERT INTO ylytic.paid_refresh (request_id, sent_at, submitter)
            SELECT id, submitted_at, submitted_by FROM ylytic.request WHERE submitted_by IS NOT NULL
            """,
            "CREATE TABLE ylytic.store_setting (key text PRIMARY KEY, value text NOT NULL)",
        ],
    ]

    /// The version this ylytic writes.
    static var latest: Int { migrations.count }
}

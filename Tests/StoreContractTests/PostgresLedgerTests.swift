import Foundation
import PostgresLedger
import RefreshAPI
import RefreshTestSupport
import RefreshTracking
import Testing

@Suite("Ledger addresses")
struct LedgerAddressTests {
    @Test func aURLGivesEveryPartAndNeverShowsItsPassword() throws {
        let address = try LedgerAddress(
            parsing: "postgres://alice:s3cr%40t@db.example:6543/team?sslmode=require", environment: [:])
        #expect(address.user == "alice")
        #expect(address.password == "s3cr@t")
        #expect(address.host == "db.example")
        #expect(address.port == 6543)
        #expect(address.database == "team")
        #expect(address.tls == .require)
        #expect(address.description == "postgresql://alice@db.example:6543/team?sslmode=require")
        #expect(!address.description.contains("s3cr"))
    }

    @Test func pgPasswordIsUsedWhenTheURLHasNoneAndTheDefaultsAreLibpqs() throws {
        let address = try LedgerAddress(
            parsing: "postgresql://bob@localhost/team", environment: ["PGPASSWORD": "from-env"])
        #expect(address.password == "from-env")
        #expect(address.port == 5432)
        #expect(address.tls == .prefer)
        let withOwn = try LedgerAddress(parsing: "postgresql://bob:own@localhost/team", environment: ["PGPASSWORD": "x"])
        #expect(withOwn.password == "own")
    }

    @Test(arguments: [
        ("postgresql://alice:hunter2@/team", "names no host"),
        ("postgresql://alice:hunter2@db", "names no database"),
        ("postgresql://alice:hunter2@db/team?sslmode=maybe", "sslmode=maybe"),
        ("postgresql://alice:hunter2@db/team?application=x", "does not know: application"),
    ])
    func aBadAddressIsRefusedWithoutItsPassword(text: String, words: String) {
        #expect {
            try LedgerAddress(parsing: text, environment: [:])
        } throws: { error in
            let message = "\(error)"
            return message.contains(words) && !message.contains("hunter2")
        }
    }
}

@Suite("Ledger certificate files, found as libpq finds them")
struct LedgerTLSFilesTests {
    /// A folder holding `files` (name: permissions), each with a line of text.
    private func folder(_ files: [String: Int]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/.postgresql", withIntermediateDirectories: true)
        for (name, permissions) in files {
            #expect(FileManager.default.createFile(atPath: "\(folder)/\(name)", contents: Data("x\n".utf8)))
            try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: "\(folder)/\(name)")
        }
        return folder
    }

    @Test func theAddressNamesTheFilesAndIsShownWithThem() throws {
        let home = try folder(["ca.pem": 0o644, "me.crt": 0o644, "me.key": 0o600])
        let address = try LedgerAddress(
            parsing: "postgresql://a@db/team?sslmode=verify-full&sslrootcert=\(home)/ca.pem&sslcert=\(home)/me.crt"
                + "&sslkey=\(home)/me.key",
            environment: ["HOME": home])
        #expect(address.tlsFiles.rootCertificate == "\(home)/ca.pem")
        #expect(address.tlsFiles.clientCertificate == "\(home)/me.crt")
        #expect(address.tlsFiles.clientKey == "\(home)/me.key")
        #expect(address.description.contains("sslrootcert=\(home)/ca.pem"), "config show says which files are used")
    }

    @Test func theEnvironmentAndThenHomeGiveTheFilesAndSystemMeansTheSystemsAuthorities() throws {
        let home = try folder([
            ".postgresql/root.crt": 0o644, ".postgresql/postgresql.crt": 0o644, ".postgresql/postgresql.key": 0o600,
            "env-ca.pem": 0o644,
        ])
        let fromHome = try LedgerAddress(parsing: "postgresql://a@db/team", environment: ["HOME": home])
        #expect(fromHome.tlsFiles.rootCertificate == "\(home)/.postgresql/root.crt")
        #expect(fromHome.tlsFiles.clientKey == "\(home)/.postgresql/postgresql.key")
        #expect(fromHome.description == "postgresql://a@db:5432/team", "files found by default are not repeated")
        let fromEnvironment = try LedgerAddress(
            parsing: "postgresql://a@db/team", environment: ["HOME": home, "PGSSLROOTCERT": "\(home)/env-ca.pem"])
        #expect(fromEnvironment.tlsFiles.rootCertificate == "\(home)/env-ca.pem")
        let system = try LedgerAddress(parsing: "postgresql://a@db/team?sslrootcert=system", environment: ["HOME": home])
        #expect(system.tlsFiles.rootCertificate == nil)
        #expect(system.tls == .verifyFull, "the system's authorities vouch for names: the name is checked too")
        #expect(throws: LedgerError.self) {
            try LedgerAddress(parsing: "postgresql://a@db/team?sslrootcert=system&sslmode=require", environment: [:])
        }
        let unencrypted = try LedgerAddress(parsing: "postgresql://a@db/team?sslmode=disable", environment: ["HOME": home])
        #expect(unencrypted.tlsFiles == LedgerTLSFiles(), "without TLS no file is read")
    }

    @Test func whatCannotBeUsedIsRefusedNamingTheSetting() throws {
        let home = try folder(["me.crt": 0o644, "open.key": 0o644, "me.key": 0o600])
        let refusals: [(String, String)] = [
            ("sslrootcert=\(home)/none.pem", "there is no file \(home)/none.pem (sslrootcert)"),
            ("sslcert=\(home)/me.crt", "the client certificate \(home)/me.crt has no key: give its file as sslkey=PATH"),
            ("sslkey=\(home)/me.key", "sslkey names a key, but there is no client certificate (sslcert)"),
            ("sslcert=\(home)/me.crt&sslkey=\(home)/open.key", "can be read by others: make it yours only (chmod 600"),
        ]
        for (settings, words) in refusals {
            #expect(performing: {
                try LedgerAddress(parsing: "postgresql://a:hunter2@db/team?\(settings)", environment: ["HOME": home])
            }, throws: { error in
                "\(error)".contains(words) && !"\(error)".contains("hunter2")
            })
        }
    }
}

@Suite("Ledger passwords from a password file")
struct LedgerPasswordFileTests {
    /// A password file with `text`, with `permissions`, in a folder of its own.
    private func passwordFile(_ text: String, permissions: Int = 0o600) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("pgpass").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
        return path
    }

    @Test func theFirstMatchingLineGivesThePasswordWithItsEscapesUndone() throws {
        let path = try passwordFile(
            """
            # host:port:database:user:password
            db.internal:5432:other:alice:not-this-one
            db.internal:*:team:alice:s3cr\\\\et\\:with:colon
            *:*:*:*:fallback
            """)
        let address = try LedgerAddress(
            parsing: "postgresql://alice@db.internal/team", environment: ["PGPASSFILE": path])
        #expect(address.password == "s3cr\\et:with")
        #expect(address.warnings.isEmpty)
        let other = try LedgerAddress(parsing: "postgresql://bob@elsewhere:6000/x", environment: ["PGPASSFILE": path])
        #expect(other.password == "fallback")
    }

    @Test func theURLAndPGPASSWORDComeBeforeTheFile() throws {
        let path = try passwordFile("*:*:*:*:from-file\n")
        let fromURL = try LedgerAddress(parsing: "postgresql://a:own@db/team", environment: ["PGPASSFILE": path])
        #expect(fromURL.password == "own")
        let fromEnvironment = try LedgerAddress(
            parsing: "postgresql://a@db/team", environment: ["PGPASSFILE": path, "PGPASSWORD": "env"])
        #expect(fromEnvironment.password == "env")
    }

    @Test func dotPgpassInHomeIsReadWhenPGPASSFILEIsNotSet() throws {
        let path = try passwordFile("localhost:5432:team:alice:from-home\n")
        let home = (path as NSString).deletingLastPathComponent
        try FileManager.default.moveItem(atPath: path, toPath: home + "/.pgpass")
        // A socket in libpq's default folder is matched as localhost.
        let address = try LedgerAddress(
            parsing: "postgresql://alice@/team?host=/var/run/postgresql", environment: ["HOME": home])
        #expect(address.password == "from-home")
    }

    @Test func aFileOthersMayReadIsNotUsedAndTheWarningSaysHowToFixIt() throws {
        let path = try passwordFile("*:*:*:*:exposed\n", permissions: 0o644)
        let address = try LedgerAddress(parsing: "postgresql://a@db/team", environment: ["PGPASSFILE": path])
        #expect(address.password == nil)
        #expect(address.warnings == ["the password file \(path) can be read by others, so it is not read (chmod 600 \(path))"])
        #expect(!address.description.contains("exposed"))
    }

    @Test func noMatchingLineLeavesThePasswordToTheServer() throws {
        let path = try passwordFile("db:5432:team:someone-else:x\nmalformed line\n")
        let address = try LedgerAddress(parsing: "postgresql://alice@db/team", environment: ["PGPASSFILE": path])
        #expect(address.password == nil)
        #expect(address.warnings.isEmpty)
    }
}

@Suite("The PostgreSQL ledger", .throwawayPostgres)
struct PostgresLedgerTests {
    private func newDatabase() async throws -> (PostgresServer, String) {
        let server = try #require(ThrowawayPostgres.server)
        return (server, try await server.createDatabase())
    }

    @Test func anEmptyDatabaseIsMigratedOnceAndReopenedAsItIs() async throws {
        let (server, url) = try await newDatabase()
        let address = try LedgerAddress(parsing: url, environment: [:])
        let ledger = try await PostgresLedger.open(address)
        #expect(try await ledger.schemaVersion() == 4)
        _ = try await PostgresLedger.open(address)
        #expect(try await server.sql("SELECT count(*) FROM ylytic.schema_version", in: url) == "4\n")
        #expect(try await server.sql("SELECT value FROM ylytic.store_revision", in: url) == "1\n")
    }

    @Test func aLedgerOfTheFirstVersionGainsRostersCreatorFiguresAndUsageAndKeepsItsRows() async throws {
        let (server, url) = try await newDatabase()
        let address = try LedgerAddress(parsing: url, environment: [:])
        let ledger = try await PostgresLedger.open(address)
        try await ledger.recordSubmittedAndFinished(
            StoreSamples.record("z", message: "success", followers: 4), body: Data("{}".utf8), at: StoreSamples.date - 60)
        try await ledger.recordSubmittedAndFinished(
            StoreSamples.record("a", message: "success", followers: 5), body: Data("{}".utf8), at: StoreSamples.date)
        // Back to what the first version wrote: no rosters, no creator figures for queries, version 1.
        _ = try await server.sql(
            """
            DROP TABLE ylytic.roster_member; DROP TABLE ylytic.roster; DROP TABLE ylytic.paid_refresh;
            DROP TABLE ylytic.store_setting;
            ALTER TABLE ylytic.creator DROP COLUMN previous_followers, DROP COLUMN followers_growth_month,
                DROP COLUMN sponsored_share, DROP COLUMN category, DROP COLUMN city, DROP COLUMN country,
                DROP COLUMN biography;
            DROP INDEX ylytic.creator_on_followers, ylytic.creator_on_engagement, ylytic.creator_on_last_refreshed_at;
            DELETE FROM ylytic.schema_version WHERE version >= 2
            """,
            in: url)
        let migrated = try await PostgresLedger.open(address)
        #expect(try await migrated.schemaVersion() == 4)
        #expect(try await migrated.creators().first?.followers == 5, "the creators are kept")
        #expect(
            try await migrated.usage(since: .distantPast).map(\.refreshes).reduce(0, +) == 2,
            "the requests it submitted are counted as paid")
        #expect(try await migrated.creators().first?.previousFollowers == 4, "the change is read from the snapshots")
        #expect(try await migrated.request(RequestID("a"))?.followers == 5, "the rows are kept")
        _ = try await migrated.addToRoster(
            try RosterName("kept"), [try RefreshTarget(type: .instagram, value: "thetatvaindia")], at: StoreSamples.date,
            creating: true)
        #expect(try await migrated.rosterMembers(of: "kept").first?.creator?.followers == 5)
    }

    @Test func aDatabaseFromANewerYlyticIsRefusedAndLeftUntouched() async throws {
        let (server, url) = try await newDatabase()
        let address = try LedgerAddress(parsing: url, environment: [:])
        let ledger = try await PostgresLedger.open(address)
        try await ledger.recordSubmittedAndFinished(
            StoreSamples.record("a", message: "success", followers: 5), body: Data("{}".utf8), at: StoreSamples.date)
        _ = try await server.sql("INSERT INTO ylytic.schema_version VALUES (99, 0)", in: url)
        let before = try await server.sql("SELECT * FROM ylytic.request; SELECT version FROM ylytic.schema_version", in: url)
        await #expect {
            try await PostgresLedger.open(address)
        } throws: { error in
            "\(error)".contains("newer ylytic") && "\(error)".contains("left untouched")
        }
        #expect(try await server.sql("SELECT * FROM ylytic.request; SELECT version FROM ylytic.schema_version", in: url) == before)
    }

    @Test func aServerThatCannotBeReachedOrADatabaseThatDoesNotExistIsSaidSoWithoutThePassword() async throws {
        let (server, _) = try await newDatabase()
        let closed = try LedgerAddress(
            parsing: "postgresql://postgres:hunter2@127.0.0.1:1/nowhere?sslmode=disable", environment: [:])
        await #expect {
            try await PostgresLedger.open(closed, connectTimeout: .seconds(5))
        } throws: { error in
            "\(error)".contains("Connection refused") && !"\(error)".contains("hunter2")
        }
        let missing = try LedgerAddress(
            parsing: "postgresql://postgres:hunter2@127.0.0.1:\(server.port)/missing?sslmode=disable", environment: [:])
        await #expect {
            try await PostgresLedger.open(missing)
        } throws: { error in
            "\(error)".contains("\"missing\" does not exist") && !"\(error)".contains("hunter2")
        }
        let tls = try LedgerAddress(
            parsing: "postgresql://postgres@127.0.0.1:\(server.port)/postgres?sslmode=require", environment: [:])
        await #expect {
            try await PostgresLedger.open(tls)
        } throws: { error in
            "\(error)".contains("does not offer TLS")
        }
    }

    @Test func anOutageIsReportedAndWritesMadeDuringItLandOnceTheServerIsBack() async throws {
        // A server of its own: the suite's keeps serving the other tests.
        let server = try await PostgresServer.start()
        defer { server.stop() }
        let url = try await server.createDatabase()
        // The write made during the outage waits for the server to come back: given time for a loaded machine.
        let ledger = try await PostgresLedger.open(try LedgerAddress(parsing: url, environment: [:]), answerTimeout: .seconds(120))
        var hints = ledger.changeHints().makeAsyncIterator()
        #expect(await hints.next() == .changed, "listening")

        try await server.pause()
        guard case .connectionLost(let reason) = await hints.next() else {
            Issue.record("the outage is reported")
            return
        }
        #expect(!reason.isEmpty)
        let target = try RefreshTarget(type: .instagram, value: "during_outage")
        let written = Task {
            try await ledger.recordIntent(target, at: StoreSamples.date, holder: StoreSamples.holder, leaseUntil: StoreSamples.date + 45)
        }
        try await server.resume()
        var next = await hints.next()
        while next == .changed { next = await hints.next() }
        #expect(next == .connectionRestored)
        let local = try await written.value
        #expect(try await ledger.request(localID: local)?.targetValue == "during_outage", "the write waited and landed")
    }
}

@Suite("A ledger whose server stops answering", .timeLimit(.minutes(2)))
struct LedgerSilenceTests {
    @Test func aWriteTheServerDoesNotAnswerFailsInTimeAndTheNextOneLands() async throws {
        let server = try await PostgresServer.start()
        defer { server.stop() }
        let url = try await server.createDatabase()
        let address = try LedgerAddress(parsing: url, environment: [:])
        // Two processes' views: one that waits 2 s for any answer, and one with the standard patience that sets
        // up and checks, so that only the silence is timed (a loaded machine can take 2 s for a first answer).
        let ledger = try await PostgresLedger.open(address, answerTimeout: .seconds(2))
        let patient = try await PostgresLedger.open(address)
        let target = try RefreshTarget(type: .instagram, value: "unanswered")
        _ = try await patient.recordIntent(target, at: StoreSamples.date, holder: StoreSamples.holder, leaseUntil: StoreSamples.date + 45)
        var warmed: Int?
        let clock = ContinuousClock(), warmingEnd = clock.now + .seconds(30)
        while warmed == nil, clock.now < warmingEnd { warmed = try? await ledger.requestCount(in: nil) }
        #expect(warmed == 1, "the impatient view reaches the server while it answers")

        try server.freeze()
        await #expect {
            try await ledger.recordIntent(target, at: StoreSamples.date, holder: StoreSamples.holder, leaseUntil: StoreSamples.date + 45)
        } throws: { error in
            "\(error)" == "the server did not answer within 2 s"
        }
        try server.thaw()
        // A later write lands (the first after the thaw may itself run out of its 2 s on a loaded machine).
        var landed: Int64?
        let end = clock.now + .seconds(60)
        while landed == nil, clock.now < end {
            landed = try? await ledger.recordIntent(
                try RefreshTarget(type: .instagram, value: "answered"), at: StoreSamples.date, holder: StoreSamples.holder,
                leaseUntil: StoreSamples.date + 45)
        }
        let local = try #require(landed, "no write landed within a minute of the server answering again")
        #expect(try await patient.request(localID: local)?.targetValue == "answered")
    }

    @Test func aSubmissionAnsweredWhileTheServerIsSilentIsWrittenOnceItAnswersAndIsFollowed() async throws {
        let server = try await PostgresServer.start()
        defer { server.stop() }
        let url = try await server.createDatabase()
        let ledger = try await PostgresLedger.open(try LedgerAddress(parsing: url, environment: [:]), answerTimeout: .seconds(2))
        // The server stops answering while the POST is under way: the answer, with the request's id, cannot be
        // written.
        let api = ScriptedAPI { request in
            if request.method == "POST" { try? server.freeze() }
        }
        let time = ManualTimeSource()
        let client = RefreshClient(
            baseURL: URL(string: "http://127.0.0.1:9/ylytic/api/v1")!, token: APIToken("tracker-token")!, transport: api,
            time: time, random: FixedRandomSource(0.5))
        let holder = LeaseHolder("alice@box 1 a")
        let tracker = RefreshTracker(
            store: ledger, client: client, scope: .requested, holder: holder, time: time, random: FixedRandomSource(0.5))
        var events = tracker.events.makeAsyncIterator()
        await tracker.start()

        let outcome = try await tracker.submit(try RefreshTarget(type: .instagram, value: "answered_offline"), follow: true)
        guard case .submitted(let record) = outcome else {
            Issue.record("submitted, not \(outcome)")
            return
        }
        #expect(record.requestID == "r1", "the POST's answer is given, though the store could not take it")
        #expect(await tracker.followedIDs == ["r1"], "and the request is followed")
        var said: String?
        while said == nil, let event = await events.next() {
            if case .problem(let text) = event, text.contains("could not be written") { said = text }
        }
        #expect(said?.contains("the server did not answer within 2 s") == true)
        #expect(said?.contains("it is tried again when it answers") == true)

        // Nothing tells the tracker that the server is back: it tries again each time its timer says, until the
        // pool has a connection again (which takes longer on a loaded machine).
        try server.thaw()
        var written: TrackedRequest?
        for _ in 0..<20 where written == nil {
            await time.waitForSleeper(until: time.now + 15)
            time.advance(by: 15)
            await time.waitForSleeper(until: time.now + 15)
            written = try? await ledger.request(RequestID("r1"))
        }
        #expect(written?.state == .pending, "written once the server answers: nothing paid for is lost")
        #expect(written?.targetValue == "answered_offline")
        #expect(written?.leaseHolder == holder)
        #expect(await tracker.followedIDs == ["r1"], "still followed by the tracker that holds its lease")
        #expect(try await ledger.requests(in: .submitting).isEmpty, "no intent is left as if never answered")
        await tracker.stop()
        #expect(await tracker.unrecordedSubmissions.isEmpty)
    }
}

@Suite("Ledger addresses, as typed")
struct LedgerAddressSpellingTests {
    @Test func aPasswordIsDecodedOnceSoThatItMayHoldAPercentSign() throws {
        let address = try LedgerAddress(parsing: "postgresql://bob:a%25b%2520c@db/team", environment: [:])
        #expect(address.password == "a%b%20c")
    }

    @Test func anIPv6HostIsReadWithoutItsBrackets() throws {
        let address = try LedgerAddress(parsing: "postgresql://bob@[::1]:5433/team", environment: [:])
        #expect(address.host == "::1")
        #expect(address.description == "postgresql://bob@[::1]:5433/team")
    }

    @Test func verifyCAChecksTheCertificateAndIsShownAsGiven() throws {
        let address = try LedgerAddress(parsing: "postgresql://bob@db/team?sslmode=verify-ca", environment: [:])
        #expect(address.tls == .verifyCA)
        #expect(address.description.hasSuffix("sslmode=verify-ca"))
    }
}

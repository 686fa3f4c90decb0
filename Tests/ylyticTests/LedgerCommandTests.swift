import Foundation
import RefreshAPI
import RefreshTestSupport
import Testing

/// The commands on a team's PostgreSQL ledger: each test starts a throwaway server of its own.
@Suite("Commands on a PostgreSQL ledger")
struct LedgerCommandTests {
    static let id = "65b87c8576c9b42b3a285805"

    private func listed(_ cli: CLIHarness) async throws -> [[String: Any]] {
        let run = await cli.run("list", "--json")
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    }

    @Test func aSecondRefreshOfTheSameTargetIsJoinedAndForceSubmitsAnother() async throws {
        let server = try await PostgresServer.start()
        defer { server.stop() }
        var cli = CLIHarness([Bodies.pending, Bodies.record("second-id", message: "pending", code: 201)])
        cli.environment["YLYTIC_STORE"] = try await server.createDatabase()

        let first = await cli.run("refresh", "instagram", "thetatvaindia")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "\(Self.id)\n")
        let submitter = try #require(try await listed(cli).first?["submitted_by"] as? String)
        #expect(submitter.contains("@"), "user@host")

        let again = await cli.run("refresh", "@TheTatvaIndia")
        #expect(again.status == 0)
        #expect(again.stdout == "\(Self.id)\n", "the same request")
        #expect(again.stderr.contains("Joined \(Self.id)"))
        #expect(again.stderr.contains("submitted by \(submitter)"))
        #expect(try await listed(cli).count == 1, "nothing was sent")

        let joinedJSON = await cli.run("refresh", "instagram", "thetatvaindia", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(joinedJSON.stdout.utf8)) as? [String: Any])
        #expect(object["joined"] as? Bool == true)
        #expect(object["request_id"] as? String == Self.id)

        let forced = await cli.run("refresh", "instagram", "thetatvaindia", "--force")
        #expect(forced.status == 0)
        #expect(forced.stdout == "second-id\n")
        #expect(try await listed(cli).count == 2)
        #expect(await cli.run("refresh", "x", "--fresh-for", "soon").status == 2, "a duration it cannot read")
    }

    @Test func copyingSQLiteIntoPostgreSQLAndBackKeepsEverything() async throws {
        let server = try await PostgresServer.start()
        defer { server.stop() }
        let cli = CLIHarness([Bodies.pending, Bodies.succeeded(id: Self.id)], fallback: Bodies.succeeded(id: Self.id))
        #expect(await cli.run("refresh", "instagram", "anurag.itbhu05", "--wait").status == 0)
        let original = try #require(cli.environment["YLYTIC_STORE"])
        let ledger = try await server.createDatabase()
        let back = CLIHarness.temporaryStorePath()

        let copied = await cli.run("store", "copy", "--from", original, "--to", ledger, "--json")
        #expect(copied.status == 0, "\(copied.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(copied.stdout.utf8)) as? [String: Any])
        #expect(report["requests_added"] as? Int == 1)
        #expect(report["snapshots_added"] as? Int == 1)
        let twice = await cli.run("store", "copy", "--from", original, "--to", ledger, "--json")
        let second = try #require(try JSONSerialization.jsonObject(with: Data(twice.stdout.utf8)) as? [String: Any])
        #expect(second["requests_added"] as? Int == 0, "nothing is added twice")
        #expect(second["snapshots_added"] as? Int == 0)
        #expect(await cli.run("store", "copy", "--from", ledger, "--to", back).status == 0)

        func exported(_ store: String) async -> [String] {
            var on = cli
            on.environment["YLYTIC_STORE"] = store
            return [
                await on.run("list", "--json").stdout, await on.run("history", "@anurag.itbhu05", "--json").stdout,
                await on.run("export", "@anurag.itbhu05").stdout,
            ]
        }
        let before = await exported(original)
        #expect(before[0].contains(Self.id))
        #expect(await exported(ledger) == before)
        #expect(await exported(back) == before)
        #expect(await cli.run("store", "copy", "--from", original, "--to", original).status == 2)
    }

    @Test func aMistypedAddressIsRefusedNotTakenForAFileAndAnUnreachableOneIsANetworkProblem() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-typo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cli = CLIHarness([Bodies.pending])
        for typo in ["postgre://alice:hunter2@127.0.0.1:1/team", "postgres:/alice:hunter2@127.0.0.1/team"] {
            let run = await cli.run("refresh", "@someone", "--store", typo)
            #expect(run.status == 2)
            #expect(run.stderr.contains("neither a file nor a postgresql:// address"))
            #expect(!run.everything.contains("hunter2"))
        }
        #expect(FileManager.default.fileExists(atPath: "postgre:") == false, "no folder named after the address")
        let unreachable = await cli.run("list", "--store", "postgresql://alice:hunter2@127.0.0.1:1/team?sslmode=disable")
        #expect(unreachable.status == 4, "a server that cannot be reached is a network problem")
        #expect(unreachable.stderr.contains("Connection refused"))
        #expect(!unreachable.everything.contains("hunter2"))
    }
}

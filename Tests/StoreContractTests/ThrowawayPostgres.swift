import RefreshTestSupport
import Testing

/// Starts a throwaway PostgreSQL server around a suite, and stops it after.
struct ThrowawayPostgres: SuiteTrait, TestScoping {
    /// The suite's server, while it runs.
    @TaskLocal static var server: PostgresServer?

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let server = try await PostgresServer.start()
        defer { server.stop() }
        try await Self.$server.withValue(server) { try await function() }
    }
}

extension Trait where Self == ThrowawayPostgres {
    /// A PostgreSQL server of the suite's own (see `Tests/EndToEnd/throwaway-postgres.sh`).
    static var throwawayPostgres: Self { ThrowawayPostgres() }
}

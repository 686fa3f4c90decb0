import Foundation

/// A throwaway PostgreSQL server on a private port, started by `Tests/EndToEnd/throwaway-postgres.sh` (which the
/// tmux tests use too) and removed by ``stop()``. Each test takes a database of its own.
public final class PostgresServer: Sendable {
    public let folder: String
    public let port: Int

    private init(folder: String, port: Int) {
        self.folder = folder
        self.port = port
    }

    /// Starts a server in a new temporary folder. Fails with the script's words when PostgreSQL is not installed.
    public static func start() async throws -> PostgresServer {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-pg-\(UUID().uuidString)").path
        let output = try await script("start", folder)
        guard let port = Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw PostgresServerError(description: "the test server gave no port: \(output)")
        }
        return PostgresServer(folder: folder, port: port)
    }

    /// Creates a database of its own for one test; returns its address.
    public func createDatabase() async throws -> String {
        let name = "t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        _ = try await Self.script("createdb", folder, name)
        return url(database: name)
    }

    /// The address of `database` on this server.
    public func url(database: String) -> String {
        "postgresql://postgres@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// Runs `sql` in the database of `address` (one this server created); returns the rows, a line each.
    public func sql(_ sql: String, in address: String) async throws -> String {
        let database = address.split(separator: "/").last?.split(separator: "?").first.map(String.init) ?? ""
        return try await Self.script("psql", folder, database, sql)
    }

    /// Stops the server, keeping its data, as an outage would.
    public func pause() async throws { _ = try await Self.script("pause", folder) }

    /// Starts it again on the same port.
    public func resume() async throws { _ = try await Self.script("resume", folder) }

    /// Suspends every process of the server: its connections stay open and nothing answers. (Waited for where it
    /// is called: it takes milliseconds, and is called from places that cannot suspend.)
    public func freeze() throws { _ = try Self.runScript(["freeze", folder]) }

    /// Lets a frozen server go on.
    public func thaw() throws { _ = try Self.runScript(["thaw", folder]) }

    /// Stops the server and removes its folder.
    public func stop() {
        _ = try? Self.runScript(["stop", folder])
    }

    private static let scriptPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("EndToEnd/throwaway-postgres.sh").path

    /// Runs the script on a thread of its own, so that waiting for it (seconds, on a loaded machine) holds none of
    /// the few threads every test's tasks run on; returns what it printed.
    private static func script(_ arguments: String...) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try runScript(arguments) }) }.start()
        }
    }

    /// Runs the script; returns what it printed. Its output goes through files rather than pipes (the server it
    /// starts outlives it, and must not hold a pipe open), and it is spawned and waited for directly.
    private static func runScript(_ arguments: [String]) throws -> String {
        let outputs = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-pg-script-\(UUID().uuidString)")
        let outputFile = outputs.appendingPathExtension("out").path
        let errorFile = outputs.appendingPathExtension("err").path
        defer {
            unlink(outputFile)
            unlink(errorFile)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ["/bin/bash", scriptPath] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/bash", &actions, nil, &cArguments, environ)
        guard spawned == 0 else {
            throw PostgresServerError(description: "cannot run throwaway-postgres.sh: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let text = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let problem = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? ""
            throw PostgresServerError(description: "throwaway-postgres.sh \(arguments[0]) failed: \(problem)")
        }
        return text
    }
}

/// Why the throwaway server could not be used.
public struct PostgresServerError: Error, CustomStringConvertible {
    public let description: String
}

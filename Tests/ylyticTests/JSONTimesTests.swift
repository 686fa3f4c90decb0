import Foundation
import RefreshAPI
import RefreshTestSupport
import Testing

/// Every `--json` writes times the same way: RFC 3339 strings in UTC, which `date -d` and every JSON reader take,
/// never seconds since some epoch.
@Suite("Times in every command's JSON")
struct JSONTimesTests {
    /// Whether `text` is written as `2026-12-07T08:30:29Z`.
    static func isRFC3339(_ text: String) -> Bool {
        text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/) != nil
    }

    @Test func everyTimeFieldOfEveryCommandIsAnRFC3339String() async throws {
        let id = "65b87c8576c9b42b3a285805"
        let cli = CLIHarness([Bodies.pending], fallback: Bodies.succeeded(id: id))
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-json-\(UUID().uuidString).txt")
        try "@thetatvaindia\n".write(to: list, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: list) }
        let copy = CLIHarness.temporaryStorePath()
        let store = try #require(cli.environment["YLYTIC_STORE"])

        let commands: [(arguments: [String], hasTimes: Bool)] = [
            (["refresh", "instagram", "thetatvaindia", "--wait", "--json"], true),
            (["list", "--json"], true),
            (["status", id, "--json"], true),
            (["show", id, "--json"], true),
            (["watch", id, "--json"], true),
            (["history", "anurag.itbhu05", "--json"], true),
            (["roster", "create", "summer", "@anurag.itbhu05", "--json"], false),
            (["roster", "list", "--json"], true),
            (["roster", "show", "summer", "--json"], true),
            // Joined: fresh within a year of the scaled clock, however slowly the machine runs.
            (["refresh", "--from", list.path, "--fresh-for", "365d", "--json"], false),
            (["store", "copy", "--from", store, "--to", copy, "--json"], false),
        ]
        for (arguments, hasTimes) in commands {
            let run = await cli.run(arguments)
            let command = arguments.prefix(2).joined(separator: " ")
            #expect(run.status == 0, "\(command): \(run.stderr)")
            let documents = run.stdout.split(separator: "\n").map { String($0) }
            #expect(!documents.isEmpty, "\(command) printed no JSON")
            var times: [String: Any] = [:]
            for document in documents {
                let object = try JSONSerialization.jsonObject(with: Data(document.utf8), options: [.fragmentsAllowed])
                Self.collectTimes(in: object, path: command, into: &times)
            }
            for (path, value) in times {
                let text = value as? String
                #expect(text.map(Self.isRFC3339) == true, "\(path) is \(value), not an RFC 3339 string")
                if let text, let date = ISO8601DateFormatter().date(from: text) {
                    #expect((2020...2100).contains(Calendar(identifier: .gregorian).component(.year, from: date)), "\(path): \(text)")
                }
            }
            #expect(times.isEmpty == !hasTimes, "\(command): \(times.keys.sorted())")
        }
    }

    /// Every value under a key that names a time (`time`, `…_at`), by its path.
    static func collectTimes(in value: Any, path: String, into found: inout [String: Any]) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                let childPath = path + "." + key
                if key == "time" || key.hasSuffix("_at"), !(child is NSNull) { found[childPath] = child }
                collectTimes(in: child, path: childPath, into: &found)
            }
        } else if let array = value as? [Any] {
            for (index, child) in array.enumerated() { collectTimes(in: child, path: "\(path)[\(index)]", into: &found) }
        }
    }
}

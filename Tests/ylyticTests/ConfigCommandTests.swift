import Foundation
import Testing

@Suite("ylytic config")
struct ConfigCommandTests {
    /// A harness whose config folder holds `text` as config.yml (none when nil).
    static func harness(config text: String?) throws -> CLIHarness {
        var cli = CLIHarness([])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("ylytic"), withIntermediateDirectories: true)
        if let text { try text.write(to: folder.appendingPathComponent("ylytic/config.yml"), atomically: true, encoding: .utf8) }
        cli.environment["XDG_CONFIG_HOME"] = folder.path
        return cli
    }

    @Test func aSymbolicLinkLoopAtThePathCannotBeReadAndSaysSo() async throws {
        let cli = try Self.harness(config: nil)
        let file = try #require(cli.environment["XDG_CONFIG_HOME"]) + "/ylytic/config.yml"
        try FileManager.default.createSymbolicLink(atPath: file, withDestinationPath: file)
        let check = await cli.run("config", "check")
        #expect(check.status == 2, "a loop is no missing file: \(check.everything)")
        #expect(check.everything.contains("cannot be read: it is a symbolic link to"), "\(check.everything)")
        #expect(!check.everything.contains("standard settings are in force"))
    }

    @Test func pathShowAndCheckOnAGoodFile() async throws {
        let cli = try Self.harness(config: "keys:\n  list:\n    quit: Q\nsort:\n  posts: likes\n")
        let path = await cli.run("config", "path")
        #expect(path.status == 0 && path.stdout.hasSuffix("/ylytic/config.yml\n"))
        let check = await cli.run("config", "check")
        #expect(check.status == 0 && check.stdout.contains("no problems"))
        let show = await cli.run("config", "show")
        let quit = try #require(show.stdout.split(separator: "\n").first { $0.hasPrefix("keys.list.quit ") })
        #expect(quit.contains(" Q ") && quit.hasSuffix("config.yml line 3"))
        #expect(show.stdout.contains("keys.list.moveDown") && show.stdout.contains("default"))
        let json = await cli.run("config", "show", "--json")
        let settings = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]])
        #expect(settings.first { $0["setting"] == "sort.posts" }?["value"] == "likes desc")
        #expect(settings.first { $0["setting"] == "sort.posts" }?["origin"] == "config.yml line 5")
    }

    @Test func checkNamesEveryProblemAndExitsTwo() async throws {
        let cli = try Self.harness(config: "keys:\n  list:\n    quit: <c-1>\npreview: maybe\n")
        let check = await cli.run("config", "check")
        #expect(check.status == 2)
        let lines = check.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasSuffix("config.yml: line 3, keys.list.quit: '<c-1>' is not a key (write a character, or <c-x>, <enter>, <esc>, <tab>, <space>, <up>, <pgdown>, <f5>…); the command keeps its keys"))
        #expect(lines[1].hasSuffix("line 4, preview: expected true or false"))
        let json = await cli.run("config", "check", "--json")
        #expect(json.status == 2 && json.stdout.contains(#""line":4"#))
    }

    @Test func noFileIsTheStandardSettings() async throws {
        let cli = try Self.harness(config: nil)
        let check = await cli.run("config", "check")
        #expect(check.status == 0 && check.stdout.contains("the standard settings are in force"))
    }
}

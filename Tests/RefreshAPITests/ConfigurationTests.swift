import Foundation
import Testing
@testable import RefreshAPI
import RefreshTestSupport

@Suite("Configuration: base URL, token sources, token expiry")
struct ConfigurationTests {
    @Test func baseURLComesFromFlagThenEnvironmentThenDefault() throws {
        #expect(try BaseURL.resolve(flag: nil, environment: [:]) == BaseURL.standard)
        #expect(
            try BaseURL.resolve(flag: nil, environment: ["YLYTIC_BASE_URL": "https://app.ylytic.com/ylytic/api/v1/"])
                .absoluteString == "https://app.ylytic.com/ylytic/api/v1")
        #expect(
            try BaseURL.resolve(flag: "http://127.0.0.1:8080/ylytic/api/v1", environment: ["YLYTIC_BASE_URL": "x"])
                .absoluteString == "http://127.0.0.1:8080/ylytic/api/v1")
    }

    @Test(arguments: ["http://localhost:1/a", "http://127.0.0.2:1"])
    func plainHTTPIsAllowedForLoopback(url: String) throws {
        _ = try BaseURL.parse(url, origin: "--base-url")
    }

    @Test func schemeAndHostAreCaseInsensitive() throws {
        #expect(
            try BaseURL.parse("HTTP://LOCALHOST:8080/ylytic/api/v1/", origin: "--base-url").absoluteString
                == "http://localhost:8080/ylytic/api/v1")
        #expect(
            try BaseURL.parse("HTTPS://App.Ylytic.COM/ylytic/api/v1", origin: "--base-url").absoluteString
                == "https://app.ylytic.com/ylytic/api/v1", "the path keeps its case")
    }

    @Test func ipv6AddressesAreRefusedUpFrontWithAWayOut() {
        #expect {
            try BaseURL.parse("http://[::1]:8080/ylytic/api/v1", origin: "--base-url")
        } throws: { error in
            "\(error)".contains("IPv6") && "\(error)".contains("localhost")
        }
    }

    @Test func credentialsInAURLAreNeverRepeated() {
        for url in ["http://user:s3cretPW@127.0.0.1:5/ylytic/api/v1", "https://s3cretPW@x.com/?q=1", "ftp://a:s3cretPW@b"] {
            #expect {
                try BaseURL.parse(url, origin: "YLYTIC_BASE_URL")
            } throws: { error in
                !"\(error)".contains("s3cretPW") && "\(error)".contains("***@")
            }
        }
    }

    @Test(arguments: [
        ("http://dashboard.ylytic.com/ylytic/api/v1", "plain http to a non-loopback host"),
        ("http://127.0.0.1.evil.com/", "plain http to a non-loopback host"),
        ("ftp://x.com", "must start with https://"),
        ("not a url", "is not a URL"),
    ])
    func otherURLsAreRefused(url: String, expected: String) {
        #expect {
            try BaseURL.parse(url, origin: "--base-url")
        } throws: { error in
            String(describing: error).contains(expected)
        }
    }

    @Test func aByteOrderMarkBeforeTheTokenIsDropped() {
        #expect(APIToken("\u{FEFF}eyJhbGciOi.payload.sig\n")?.secret == "eyJhbGciOi.payload.sig")
        #expect(APIToken("\u{FEFF}") == nil)
    }

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func write(_ text: String, to url: URL, mode: Int) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
    }

    @Test func tokenComesFromFileFlagThenEnvironmentThenConfigFile() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let configToken = home.appendingPathComponent("config/ylytic/token")
        try write("from-config\n", to: configToken, mode: 0o600)
        let flagToken = home.appendingPathComponent("flag-token")
        try write("  from-flag  ", to: flagToken, mode: 0o400)
        let environment = ["XDG_CONFIG_HOME": home.appendingPathComponent("config").path, "YLYTIC_TOKEN": "from-env"]

        let loader = TokenLoader(environment: environment)
        #expect(try loader.load(tokenFile: flagToken.path)?.token.secret == "from-flag")
        #expect(try loader.load(tokenFile: nil)?.token.secret == "from-env")
        var withoutVariable = environment
        withoutVariable["YLYTIC_TOKEN"] = nil
        let fromConfig = try TokenLoader(environment: withoutVariable).load(tokenFile: nil)
        #expect(fromConfig?.token.secret == "from-config")
        #expect(fromConfig?.origin == configToken.path)
        #expect(try TokenLoader(environment: ["HOME": home.path]).load(tokenFile: nil) == nil)
    }

    @Test func tokenFileReadableByOthersIsRefusedLikeSSHDoes() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let file = home.appendingPathComponent("token")
        try write("secret-in-file", to: file, mode: 0o644)
        #expect {
            try TokenLoader(environment: [:]).load(tokenFile: file.path)
        } throws: { error in
            let message = String(describing: error)
            return message.contains("can be read by other users (mode 644)") && message.contains("chmod 600")
                && !message.contains("secret-in-file")
        }
    }

    @Test func missingOrEmptyTokenFileIsAClearError() throws {
        let home = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(throws: ConfigurationError.self) {
            try TokenLoader(environment: [:]).load(tokenFile: home.appendingPathComponent("nope").path)
        }
        let empty = home.appendingPathComponent("empty")
        try write(" \n", to: empty, mode: 0o600)
        #expect {
            try TokenLoader(environment: [:]).load(tokenFile: empty.path)
        } throws: { error in
            String(describing: error).contains("is empty")
        }
    }

    private func jwt(exp: TimeInterval) -> APIToken {
        func encode(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        }
        return APIToken(encode(#"{"alg":"HS256"}"#) + "." + encode(#"{"exp":\#(Int(exp)),"name":"a","role":"user"}"#) + ".sig")!
    }

    @Test func jwtExpiryIsReadAndWarnedAbout() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(TokenExpiry.expiry(of: jwt(exp: 1_800_000_100)) == Date(timeIntervalSince1970: 1_800_000_100))
        #expect(TokenExpiry.warning(for: jwt(exp: now.timeIntervalSince1970 - 7200), now: now)?.contains("expired 2 h ago") == true)
        #expect(TokenExpiry.warning(for: jwt(exp: now.timeIntervalSince1970 + 3600 * 5), now: now)?.contains("expires in 5 h") == true)
        #expect(TokenExpiry.warning(for: jwt(exp: now.timeIntervalSince1970 + 86_400 * 30), now: now) == nil)
        #expect(TokenExpiry.expiry(of: APIToken("not-a-jwt")!) == nil)
        let expired = jwt(exp: now.timeIntervalSince1970 - 7200)
        #expect(TokenExpiry.warning(for: expired, now: now)?.contains(expired.secret) == false)
    }
}

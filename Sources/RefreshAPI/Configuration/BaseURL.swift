import Foundation

/// Chooses and checks the API's base URL.
public enum BaseURL {
    /// The documented base.
    public static let standard = URL(string: "https://dashboard.ylytic.com/ylytic/api/v1")!

    /// The base URL from a flag, else `YLYTIC_BASE_URL`, else the documented one.
    /// Refuses anything but `https://`, except `http://` to a loopback host.
    public static func resolve(flag: String?, environment: [String: String]) throws(ConfigurationError) -> URL {
        if let flag { return try parse(flag, origin: "--base-url") }
        if let fromEnvironment = environment["YLYTIC_BASE_URL"], !fromEnvironment.isEmpty {
            return try parse(fromEnvironment, origin: "YLYTIC_BASE_URL")
        }
        return standard
    }

    /// Checks one base URL; `origin` names where it came from, for the message. Scheme and host are
    /// case-insensitive and come back in lower case. A password or user name in the URL is never repeated in a
    /// message.
    public static func parse(_ text: String, origin: String) throws(ConfigurationError) -> URL {
        let trimmed = text.trimmingWhitespace()
        let shown = redacted(trimmed)
        guard var components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            let host = components.host?.lowercased(), !host.isEmpty
        else {
            throw ConfigurationError("\(origin) '\(shown)' is not a URL; expected e.g. \(standard.absoluteString)")
        }
        guard components.user == nil, components.password == nil else {
            throw ConfigurationError(
                "\(origin) '\(shown)' must not carry a user name or password; the API token authenticates ylytic")
        }
        guard components.query == nil, components.fragment == nil else {
            throw ConfigurationError("\(origin) '\(shown)' must not carry a query or fragment")
        }
        guard !host.contains(":") else {
            throw ConfigurationError(
                "\(origin) '\(shown)' names an IPv6 address, which this client cannot reach; use a host name "
                    + "(localhost for this machine) or an IPv4 address")
        }
        switch scheme {
        case "https":
            break
        case "http" where isLoopback(host):
            break
        case "http":
            throw ConfigurationError(
                "\(origin) '\(shown)' uses plain http to a non-loopback host; the token would travel unencrypted. "
                    + "Use https (http is allowed only for 127.0.0.1 and localhost).")
        default:
            throw ConfigurationError("\(origin) '\(shown)' must start with https://")
        }
        components.scheme = scheme
        components.host = host
        while components.path.hasSuffix("/") { components.path.removeLast() }
        guard let url = components.url else {
            throw ConfigurationError("\(origin) '\(shown)' is not a URL; expected e.g. \(standard.absoluteString)")
        }
        return url
    }

    /// `text` with any user name and password in it replaced by `***`, for messages.
    public static func redacted(_ text: String) -> String {
        guard let at = text.firstIndex(of: "@") else { return text }
        let start = text.range(of: "://")?.upperBound ?? text.startIndex
        guard start <= at, !text[start..<at].contains("/") else { return text }
        return String(text[..<start]) + "***" + String(text[at...])
    }

    /// Whether `host` is this machine: localhost or 127.0.0.0/8.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare.hasSuffix(".localhost") { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}

/// A configuration problem, with what to change.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    /// Whether it amounts to "no token" (an empty token file), which is told like a missing token.
    public let meansNoToken: Bool

    public init(_ message: String, meansNoToken: Bool = false) {
        self.message = message
        self.meansNoToken = meansNoToken
    }

    public var description: String { message }
}

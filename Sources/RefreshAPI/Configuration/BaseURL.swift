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

    /// Checks one base URL; `origin` names where it came from, for the message.
    public static func parse(_ text: String, origin: String) throws(ConfigurationError) -> URL {
        let trimmed = text.trimmingWhitespace()
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw ConfigurationError("\(origin) '\(trimmed)' is not a URL; expected e.g. \(standard.absoluteString)")
        }
        switch scheme {
        case "https":
            break
        case "http" where isLoopback(host):
            break
        case "http":
            throw ConfigurationError(
                "\(origin) '\(trimmed)' uses plain http to a non-loopback host; the token would travel unencrypted. "
                    + "Use https (http is allowed only for 127.0.0.1, ::1 and localhost).")
        default:
            throw ConfigurationError("\(origin) '\(trimmed)' must start with https://")
        }
        guard components.query == nil, components.fragment == nil, components.user == nil else {
            throw ConfigurationError("\(origin) '\(trimmed)' must not carry a query, fragment or user name")
        }
        var cleaned = trimmed
        while cleaned.hasSuffix("/") { cleaned.removeLast() }
        return URL(string: cleaned)!
    }

    /// Whether `host` is this machine: localhost, 127.0.0.0/8 or ::1.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}

/// A configuration problem, with what to change.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

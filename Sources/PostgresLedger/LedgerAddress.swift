import Foundation

/// Where a team's PostgreSQL ledger is: `postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=MODE]` (or
/// `postgres://`). The password comes from the URL, else from `PGPASSWORD`, else from the password file
/// (`PGPASSFILE` or `~/.pgpass`, as libpq reads it); it is never part of ``description``.
/// `?host=/path/to/folder` reaches the server through its Unix socket in that folder.
public struct LedgerAddress: Sendable, Equatable, CustomStringConvertible {
    /// How the connection is encrypted, as libpq's `sslmode` says it.
    public enum TLSMode: String, Sendable, Equatable, CaseIterable {
        /// Never.
        case disable
        /// When the server offers it (libpq's default).
        case prefer
        /// Always; the server's certificate is checked only when a root certificate file is there (as libpq does).
        case require
        /// Always, with the server's certificate checked against the root certificate file, else the system's
        /// trusted authorities.
        case verifyCA = "verify-ca"
        /// As `verify-ca`, and the certificate must name the host.
        case verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String
    public var tls: TLSMode
    /// The folder of the server's Unix socket, when reached through one.
    public var socketFolder: String?
    /// The certificate files of a TLS connection.
    public var tlsFiles = LedgerTLSFiles()
    /// What was found wrong but not fatal while reading the address (a password file others may read, say), for
    /// the command to print.
    public var warnings: [String] = []

    /// Whether `text` names a PostgreSQL ledger rather than a file.
    public static func isLedgerURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://")
    }

    /// Reads a URL; `environment` gives `PGPASSWORD`, `PGPASSFILE` and `HOME` (when the URL has no password) and
    /// `PGUSER` or `USER` (when it has no user). Errors never repeat the password.
    public init(parsing text: String, environment: [String: String]) throws(LedgerError) {
        guard Self.isLedgerURL(text), let components = URLComponents(string: text) else {
            throw LedgerError("the store address is not a postgresql://USER@HOST/DB URL: \(Self.redacting(text))")
        }
        let query = components.queryItems ?? []
        let socketFolder = query.first { $0.name == "host" }?.value.flatMap { $0.hasPrefix("/") ? $0 : nil }
        // The parts are read still encoded and decoded once: a password may hold a '%' of its own.
        let bracketed = components.percentEncodedHost ?? ""
        let host = (bracketed.hasPrefix("[") && bracketed.hasSuffix("]") ? String(bracketed.dropFirst().dropLast()) : bracketed)
            .removingPercentEncoding ?? bracketed
        guard !host.isEmpty || socketFolder != nil else {
            throw LedgerError("the store address \(Self.redacting(text)) names no host")
        }
        let database = String(components.percentEncodedPath.drop { $0 == "/" }).removingPercentEncoding ?? ""
        guard !database.isEmpty, !database.contains("/") else {
            throw LedgerError("the store address \(Self.redacting(text)) names no database (…/DB at its end)")
        }
        var mode = TLSMode.prefer
        if let value = query.first(where: { $0.name == "sslmode" })?.value {
            switch value {
            case "allow", "prefer": mode = .prefer
            case "disable": mode = .disable
            case "require": mode = .require
            case "verify-ca": mode = .verifyCA
            case "verify-full": mode = .verifyFull
            default:
                throw LedgerError(
                    "sslmode=\(value) is not one of disable, allow, prefer, require, verify-ca, verify-full")
            }
        }
        for item in query where !["sslmode", "host"].contains(item.name) && !LedgerTLSFiles.settingNames.contains(item.name) {
            throw LedgerError(
                "the store address has a setting ylytic does not know: \(item.name) (it knows sslmode, sslrootcert, "
                    + "sslcert, sslkey and host)")
        }
        let user = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"]
            ?? environment["USER"]
        guard let user, !user.isEmpty else {
            throw LedgerError("the store address \(Self.redacting(text)) names no user (USER@ before the host)")
        }
        self.user = user
        let fromURL = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        self.host = host.isEmpty ? "localhost" : host
        port = components.port ?? 5432
        self.database = database
        tls = mode
        self.socketFolder = socketFolder
        if mode != .disable, socketFolder == nil { tlsFiles = try LedgerTLSFiles(query: query, environment: environment) }
        if tlsFiles.namesSystemAuthorities {
            // As libpq 16 does: the system's authorities vouch for names, so the name is checked too.
            guard !query.contains(where: { $0.name == "sslmode" }) || mode == .verifyFull else {
                throw LedgerError(
                    "sslrootcert=system checks the server's certificate and its name, which needs sslmode=verify-full "
                        + "(or no sslmode)")
            }
            mode = .verifyFull
            tls = mode
        }
        password = fromURL ?? environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if password == nil, let file = LedgerPasswordFile.path(environment: environment) {
            password = LedgerPasswordFile.password(for: passwordFileKey, at: file) { warnings.append($0) }
        }
    }

    /// The line of a password file this address matches: libpq names a server reached through its socket in the
    /// default folder `localhost`, and one in another folder by that folder.
    private var passwordFileKey: LedgerPasswordFile.Key {
        let defaultSocketFolders: Set = ["/tmp", "/var/run/postgresql", "/run/postgresql"]
        let hostName = socketFolder.map { defaultSocketFolders.contains($0) ? "localhost" : $0 } ?? host
        return LedgerPasswordFile.Key(host: hostName, port: port, database: database, user: user)
    }

    /// The address without its password: what messages and `config show` print.
    public var description: String {
        var components = URLComponents()
        components.scheme = "postgresql"
        components.user = user
        if host.contains(":") { components.percentEncodedHost = "[\(host)]" } else { components.host = host }
        components.port = port
        components.path = "/" + database
        var items: [URLQueryItem] = []
        if tls != .prefer { items.append(URLQueryItem(name: "sslmode", value: tls.rawValue)) }
        items += tlsFiles.settingsInAddress
        if let socketFolder { items.append(URLQueryItem(name: "host", value: socketFolder)) }
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? "postgresql://\(user)@\(host):\(port)/\(database)"
    }

    /// `text` with anything between `://USER:` and `@` replaced, for a message about a URL that could not be read.
    static func redacting(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return text }
        let credentials = rest[..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":…" + String(text[at...])
    }
}

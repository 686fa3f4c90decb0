import Foundation

/// The certificate files a ledger's TLS connection uses, found as libpq finds them: the authorities that sign the
/// server's certificate (`sslrootcert`, else `PGSSLROOTCERT`, else `~/.postgresql/root.crt` when it exists; `system`
/// or none of these: the system's trusted authorities), and the certificate and key this client shows (`sslcert`
/// and `sslkey`, else `PGSSLCERT` and `PGSSLKEY`, else `~/.postgresql/postgresql.crt` and `.key` when they exist).
public struct LedgerTLSFiles: Sendable, Equatable {
    /// A PEM file of the authorities the server's certificate must chain to; nil for the system's.
    public var rootCertificate: String?
    /// Whether `sslrootcert=system` asked for the system's authorities outright (which, as with libpq, calls for
    /// `verify-full`).
    public var namesSystemAuthorities = false
    /// A PEM file of the certificate (and its chain) this client shows, if any.
    public var clientCertificate: String?
    /// The PEM file of that certificate's key.
    public var clientKey: String?
    /// The settings the address itself gave, to show it as given.
    var settingsInAddress: [URLQueryItem] = []

    /// The setting names read from an address.
    static let settingNames: Set = ["sslrootcert", "sslcert", "sslkey"]

    /// No files: the system's authorities, no client certificate.
    public init(rootCertificate: String? = nil, clientCertificate: String? = nil, clientKey: String? = nil) {
        self.rootCertificate = rootCertificate
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
    }

    /// The files `query` and `environment` name, or the defaults in `~/.postgresql` that exist. A file named
    /// outright that is not there, a certificate without its key, and a key others may read are refused, saying
    /// which setting to change.
    init(query: [URLQueryItem], environment: [String: String]) throws(LedgerError) {
        settingsInAddress = query.filter { Self.settingNames.contains($0.name) }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 + "/.postgresql" }
        func named(_ setting: String, _ variable: String) -> (path: String, source: String)? {
            if let value = query.last(where: { $0.name == setting })?.value, !value.isEmpty { return (value, setting) }
            if let value = environment[variable], !value.isEmpty { return (value, variable) }
            return nil
        }
        func existing(_ name: (path: String, source: String)?, defaultFile: String) throws(LedgerError) -> String? {
            if let name {
                guard FileManager.default.fileExists(atPath: name.path) else {
                    throw LedgerError("there is no file \(name.path) (\(name.source))")
                }
                return name.path
            }
            guard let home, FileManager.default.fileExists(atPath: "\(home)/\(defaultFile)") else { return nil }
            return "\(home)/\(defaultFile)"
        }
        let root = named("sslrootcert", "PGSSLROOTCERT")
        namesSystemAuthorities = root?.path == "system"
        rootCertificate = namesSystemAuthorities ? nil : try existing(root, defaultFile: "root.crt")
        clientCertificate = try existing(named("sslcert", "PGSSLCERT"), defaultFile: "postgresql.crt")
        let key = named("sslkey", "PGSSLKEY")
        guard let clientCertificate else {
            if let key { throw LedgerError("\(key.source) names a key, but there is no client certificate (sslcert)") }
            return
        }
        guard let clientKey = try existing(key, defaultFile: "postgresql.key") else {
            throw LedgerError("the client certificate \(clientCertificate) has no key: give its file as sslkey=PATH")
        }
        try Self.checkPrivate(clientKey)
        self.clientKey = clientKey
    }

    /// As libpq does: a key must be for its owner's eyes only (0600), or root's and its group's (0640).
    private static func checkPrivate(_ path: String) throws(LedgerError) {
        var status = stat()
        guard stat(path, &status) == 0 else { throw LedgerError("the key \(path) cannot be read") }
        let others = status.st_mode & (status.st_uid == 0 ? S_IWGRP | S_IXGRP | S_IRWXO : S_IRWXG | S_IRWXO)
        guard others == 0 else {
            throw LedgerError("the key \(path) can be read by others: make it yours only (chmod 600 \(path))")
        }
    }
}

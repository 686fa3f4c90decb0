import Foundation
import PostgresNIO

extension LedgerAddress {
    /// The pool's configuration.
    func clientConfiguration(connectTimeout: Duration) throws(LedgerError) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketFolder {
            configuration = PostgresClient.Configuration(
                unixSocketPath: socketPath(socketFolder), username: user, password: password, database: database)
        } else {
            let tls: PostgresClient.Configuration.TLS =
                switch self.tls {
                case .disable: .disable
                case .prefer: .prefer(try tlsConfiguration)
                case .require, .verifyCA, .verifyFull: .require(try tlsConfiguration)
                }
            configuration = PostgresClient.Configuration(
                host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = connectTimeout
        configuration.options.maximumConnections = 4
        return configuration
    }

    /// A single connection's configuration, for opening and migrating.
    func connectionConfiguration(connectTimeout: Duration) throws(LedgerError) -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socketFolder {
            configuration = PostgresConnection.Configuration(
                unixSocketPath: socketPath(socketFolder), username: user, password: password, database: database)
        } else {
            let tls: PostgresConnection.Configuration.TLS =
                switch self.tls {
                case .disable: .disable
                case .prefer: .prefer(try tlsContext())
                case .require, .verifyCA, .verifyFull: .require(try tlsContext())
                }
            configuration = PostgresConnection.Configuration(
                host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = .nanoseconds(Int64(connectTimeout.components.seconds) * 1_000_000_000)
        return configuration
    }

    /// The TLS context of ``tlsConfiguration``: it fails when the client's certificate and key do not go together.
    private func tlsContext() throws(LedgerError) -> NIOSSLContext {
        let configuration = try tlsConfiguration
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            guard let certificate = tlsFiles.clientCertificate, let key = tlsFiles.clientKey else {
                throw LedgerError("TLS cannot be set up: \(error)")
            }
            throw LedgerError("the client certificate \(certificate) (sslcert) and the key \(key) (sslkey) do not go together")
        }
    }

    /// The server's socket in its folder, as libpq names it.
    private func socketPath(_ folder: String) -> String {
        "\(folder)/.s.PGSQL.\(port)"
    }

    /// Whether the server's certificate is checked: with `verify-ca` and `verify-full`, and with `require` when a
    /// root certificate file is there, as libpq does. (libpq checks it under `prefer` too, and connects without TLS
    /// when that fails; PostgresNIO cannot fall back, so `prefer` never checks it.)
    var checksCertificate: Bool {
        switch tls {
        case .disable, .prefer: false
        case .require: tlsFiles.rootCertificate != nil
        case .verifyCA, .verifyFull: true
        }
    }

    /// The authorities in the root certificate file, nil for the system's.
    func trustedAuthorities() throws(LedgerError) -> [NIOSSLCertificate]? {
        guard let path = tlsFiles.rootCertificate else { return nil }
        let certificates = try Self.certificates(in: path, setting: "sslrootcert")
        return certificates
    }

    /// Certificates are checked as ``checksCertificate`` says, and their names too with `verify-full`; the client
    /// shows its certificate when it has one. Files that cannot be read are refused here, naming them.
    var tlsConfiguration: TLSConfiguration {
        get throws(LedgerError) {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification =
                !checksCertificate ? .none : tls == .verifyFull ? .fullVerification : .noHostnameVerification
            if checksCertificate, let authorities = try trustedAuthorities() {
                configuration.trustRoots = .certificates(authorities)
            }
            if let certificate = tlsFiles.clientCertificate, let key = tlsFiles.clientKey {
                configuration.certificateChain = try Self.certificates(in: certificate, setting: "sslcert")
                    .map { .certificate($0) }
                do {
                    configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: key, format: .pem))
                } catch {
                    throw LedgerError(
                        "the key \(key) (sslkey) cannot be read: it must be an unencrypted PEM key "
                            + "(openssl pkey -in \(key) -out plain.key)")
                }
            }
            return configuration
        }
    }

    /// The certificates in a PEM file, or why they cannot be read.
    private static func certificates(in path: String, setting: String) throws(LedgerError) -> [NIOSSLCertificate] {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw LedgerError("the certificate file \(path) (\(setting)) cannot be read as PEM certificates")
        }
        guard !certificates.isEmpty else {
            throw LedgerError("the certificate file \(path) (\(setting)) holds no certificate")
        }
        return certificates
    }
}

import Foundation
import NIOSSL
import PostgresNIO

/// Why the ledger cannot be used, in words that say what to do; never with a password in them.
public struct LedgerError: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String
    /// Whether the database was written by a newer ylytic (not a problem of the connection).
    public let isNewerSchema: Bool

    init(_ description: String, isNewerSchema: Bool = false) {
        self.description = description
        self.isNewerSchema = isNewerSchema
    }

    /// What went wrong, in words: the server's own message, or why it could not be reached. PostgresNIO's own
    /// descriptions are kept generic on purpose, so that nothing sensitive leaks; these name no query values.
    static func explain(_ error: any Error) -> String {
        if let error = error as? LedgerError { return error.description }
        if let error = error as? PSQLError {
            switch error.code {
            case .server:
                let message = error.serverInfo?[.message] ?? "an error"
                let hint = error.serverInfo?[.hint].map { " (\($0))" } ?? ""
                return "PostgreSQL said: \(message)\(hint)"
            case .connectionError:
                return "cannot connect (\(error.underlying.map(reason) ?? "no answer"))"
            case .serverClosedConnection, .uncleanShutdown:
                return "the server closed the connection"
            case .sslUnsupported:
                return "the server does not offer TLS, which the address's sslmode asks for"
            case .authMechanismRequiresPassword:
                return "the server asks for a password: give it in ~/.pgpass (or PGPASSFILE), PGPASSWORD or the address"
            case .clientClosedConnection, .poolClosed:
                return "the connection was closed"
            default:
                return "the database connection failed (\(error.code))"
            }
        }
        if let error = error as? PostgresDecodingError {
            return "a value in column \(error.columnName) could not be read"
        }
        return reason(error)
    }

    /// An underlying network error in words: "Connection refused" rather than a dump of its fields.
    private static func reason(_ error: any Error) -> String {
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        if let connection = error as? NIOConnectionError {
            if let first = connection.connectionErrors.first { return reason(first.error) }
            if connection.dnsAError != nil || connection.dnsAAAAError != nil { return "the host name is not known" }
            return "no address to connect to"
        }
        if error is CancellationError { return "cancelled" }
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return "the server's certificate is made out to another host name"
        }
        if case NIOSSLError.handshakeFailed(let failure) = error { return handshakeReason("\(failure)") }
        let text = "\(error)"
        if text.contains("CircuitBreaker") { return "the server cannot be reached" }
        if text.contains("connectTimeout") || text.contains("ConnectTimeout") { return "no answer in time" }
        return text
    }

    /// A refused TLS handshake in words: BoringSSL's reason (`…:OPENSSL_internal:REASON at FILE:LINE`), without
    /// the library's file names.
    private static func handshakeReason(_ failure: String) -> String {
        guard let start = failure.range(of: "OPENSSL_internal:") else { return "the TLS handshake failed" }
        let reason = failure[start.upperBound...].prefix { $0 != " " && $0 != "]" }
        switch reason {
        case "CERTIFICATE_VERIFY_FAILED": return "the server's certificate is not trusted"
        case "TLSV1_ALERT_UNKNOWN_CA", "SSLV3_ALERT_BAD_CERTIFICATE", "TLSV1_ALERT_CERTIFICATE_REQUIRED",
            "SSLV3_ALERT_CERTIFICATE_EXPIRED", "TLSV1_ALERT_ACCESS_DENIED":
            return "the server refused this client's certificate (sslcert, sslkey)"
        default: return "the TLS handshake failed (\(reason.lowercased().replacingOccurrences(of: "_", with: " ")))"
        }
    }
}

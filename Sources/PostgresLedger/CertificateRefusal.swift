import Foundation
import NIOSSL
import PostgresNIO

/// Why the ledger server's certificate was refused, in words that say what to change: not trusted (and by which
/// authority it is signed), expired, not yet valid, or made out to other names than the host's.
enum CertificateRefusal: Equatable {
    /// The chain of certificates was refused: untrusted, or out of date.
    case chain
    /// The certificate is good but names other hosts.
    case name

    /// The refusal `error` is, if it is one.
    init?(_ error: any Error) {
        let underlying = (error as? PSQLError)?.underlying ?? error
        if let extra = underlying as? NIOSSLExtraError, extra == .failedToValidateHostname {
            self = .name
        } else if case NIOSSLError.handshakeFailed(let failure) = underlying,
            "\(failure)".contains("CERTIFICATE_VERIFY_FAILED")
        {
            self = .chain
        } else {
            return nil
        }
    }

    /// Words for this refusal of the certificates of the server at `address`, fetched again to look at them.
    func explain(address: LedgerAddress, now: Date) async -> String {
        let shown = await ServerCertificateProbe.certificates(host: address.host, port: address.port) ?? []
        return explain(
            shown: shown, authorities: try? address.trustedAuthorities(), rootFile: address.tlsFiles.rootCertificate,
            host: address.host, now: now)
    }

    /// Words for this refusal of the certificates `shown` (the server's own first), checked against `authorities`
    /// (those of `rootFile`; nil for the system's).
    func explain(
        shown: [NIOSSLCertificate], authorities: [NIOSSLCertificate]?, rootFile: String?, host: String, now: Date
    ) -> String {
        guard let own = shown.first else {
            return self == .name
                ? "the server's certificate does not name \(host): connect by a name it has, or use sslmode=verify-ca"
                : "the server's certificate is not trusted"
        }
        if self == .name {
            return "the server's certificate is for \(Self.names(of: own).joined(separator: ", ")), not \(host): "
                + "connect by one of those names, or use sslmode=verify-ca to check the certificate but not its name"
        }
        let issuer = Self.name(own.issuerName)
        let isSelfSigned = own.issuerName == own.subjectName
        let signedBy = isSelfSigned ? "is self-signed (\(issuer))" : "is signed by \(issuer)"
        if let authorities {
            let anchored = shown.contains { authorities.contains($0) }
                || shown.contains { certificate in authorities.contains { $0.subjectName == certificate.issuerName } }
            if !anchored, let rootFile {
                return "the server's certificate \(signedBy), an authority not in \(rootFile) (sslrootcert): give the "
                    + "file of the authority that signed it"
            }
        }
        let seconds = time_t(now.timeIntervalSince1970)
        if let expired = shown.first(where: { $0.notValidAfter < seconds }) {
            let whose = expired == own ? "the server's certificate" : "a certificate in the server's chain"
            return "\(whose) expired on \(Self.day(expired.notValidAfter)): the server needs a new one"
        }
        if let early = shown.first(where: { $0.notValidBefore > seconds }) {
            let whose = early == own ? "the server's certificate" : "a certificate in the server's chain"
            return "\(whose) is valid only from \(Self.day(early.notValidBefore)): check this machine's clock"
        }
        if authorities == nil {
            return "the server's certificate \(signedBy), an authority this system does not trust: give that "
                + "authority's certificate as sslrootcert=PATH (or in ~/.postgresql/root.crt)"
        }
        return "the server's certificate is not trusted"
    }

    /// The names a certificate is made out to: its alternative names, else its common name.
    static func names(of certificate: NIOSSLCertificate) -> [String] {
        let alternatives = certificate._subjectAlternativeNames().compactMap { name -> String? in
            switch name.nameType {
            case .dnsName: return String(decoding: name.contents, as: UTF8.self)
            case .ipAddress: return address(Array(name.contents))
            default: return nil
            }
        }
        if !alternatives.isEmpty { return alternatives }
        return certificate.subjectName.filter { $0.type == .commonName }.map(\.value)
    }

    /// A name as people read it: its common name, else every part.
    private static func name(_ parts: [SSLCertificateName]) -> String {
        if let common = parts.first(where: { $0.type == .commonName }) { return "\"\(common.value)\"" }
        return parts.map(\.value).joined(separator: ", ")
    }

    /// An IP address's bytes as text.
    private static func address(_ bytes: [UInt8]) -> String? {
        let family = bytes.count == 4 ? AF_INET : bytes.count == 16 ? AF_INET6 : nil
        guard let family else { return nil }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(family, bytes, &text, socklen_t(text.count)) != nil else { return nil }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A certificate's time as a day, in UTC.
    private static func day(_ seconds: time_t) -> String {
        Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(.iso8601.year().month().day())
    }
}

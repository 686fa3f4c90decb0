import Foundation

#if canImport(Glibc)
import Glibc

private let streamSocket = Int32(SOCK_STREAM.rawValue)
#else
import Darwin

private let streamSocket = SOCK_STREAM
#endif

/// A port on 127.0.0.1 that refuses every connection for as long as this lives: bound, so that no server started
/// meanwhile (by another test) can take it, and never listening.
public final class RefusingPort: Sendable {
    public let port: Int
    private let descriptor: Int32

    public init() throws {
        let descriptor = socket(AF_INET, streamSocket, 0)
        guard descriptor >= 0 else { throw RefusingPortError("socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard bound == 0, named == 0 else {
            close(descriptor)
            throw RefusingPortError("bind: \(errno)")
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// The API's base URL at this port.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/ylytic/api/v1")! }

    deinit {
        close(descriptor)
    }
}

struct RefusingPortError: Error {
    let problem: String

    init(_ problem: String) {
        self.problem = problem
    }
}

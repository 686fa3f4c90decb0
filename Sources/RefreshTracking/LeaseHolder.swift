import Foundation

/// One running tracker, as the holder of poll leases. Opaque to stores: they compare it, never parse it.
/// Unique per process run, and readable by a person who finds it in the store ("alice@box 4242 1f3a").
public struct LeaseHolder: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// A holder for this process: user, host, process id and a random tag (process ids are reused).
    public static func thisProcess() -> LeaseHolder {
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return LeaseHolder("\(thisAccount()) \(ProcessInfo.processInfo.processIdentifier) \(tag)")
    }

    /// The person this process runs for, as a submitter is recorded: "user@host".
    public static func thisAccount() -> String {
        let info = ProcessInfo.processInfo
        let user = info.environment["USER"] ?? info.environment["LOGNAME"] ?? accountName() ?? "someone"
        let host = info.hostName.split(separator: ".").first.map(String.init) ?? "localhost"
        return "\(user)@\(host)"
    }

    public var description: String { rawValue }

    /// The name of the account the process runs as, from the password database.
    private static func accountName() -> String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}

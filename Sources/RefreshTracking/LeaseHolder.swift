import Foundation

/// One running tracker, as the holder of poll leases. Opaque to stores: they compare it, never parse it.
/// Unique per process run, and readable by a person who finds it in the store ("alice@box 4242 1f3a 88123": user,
/// host, process id, a random tag, and when the process started, in the system's clock ticks).
public struct LeaseHolder: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// A holder for this process: user, host, process id, a random tag and its start time (process ids are
    /// reused; the start time tells a new process with an old id from the one that held the lease).
    public static func thisProcess() -> LeaseHolder {
        let tag = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        let pid = ProcessInfo.processInfo.processIdentifier
        let started = startTime(of: pid).map { " \($0)" } ?? ""
        return LeaseHolder("\(thisAccount()) \(pid) \(tag)\(started)")
    }

    /// Whether the holder was a process on this host that no longer runs: its process id is free, or taken by a
    /// process that started at another time. A crashed process's leases need not run out before another takes
    /// its requests over. Holders on other hosts, and any this cannot tell of, are taken as running.
    public var isGoneFromThisHost: Bool {
        let parts = rawValue.split(separator: " ")
        guard parts.count >= 3, let pid = Int32(parts[1]), pid > 0, pid != getpid(),
            parts[0].split(separator: "@").last == Self.thisAccount().split(separator: "@").last
        else { return false }
        if kill(pid, 0) == -1, errno == ESRCH { return true }
        guard parts.count >= 4, let started = Self.startTime(of: pid) else { return false }
        return started != String(parts[3])
    }

    /// When process `pid` started, in clock ticks since boot (`/proc/PID/stat`, field 22); nil where it cannot be
    /// read.
    static func startTime(of pid: Int32) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return nil }
        // After the command name (which may hold spaces), the fields from the third on.
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : nil
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

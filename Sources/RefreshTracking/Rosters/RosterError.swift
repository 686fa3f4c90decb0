/// Why a roster could not be made, read or changed, in words that say what to do. Nothing was written when one
/// is thrown.
public struct RosterError: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }

    /// No roster has this name.
    public static func notFound(_ name: String) -> RosterError {
        RosterError("there is no roster named '\(name)' (ylytic roster list shows them; ylytic roster create makes one)")
    }

    /// A roster with this name (whatever its case) exists already.
    public static func exists(_ name: String) -> RosterError {
        RosterError("a roster named '\(name)' exists already (ylytic roster add \(name) … adds to it)")
    }

    /// A rename to a name another roster has (whatever its case).
    public static func nameInUse(_ name: String) -> RosterError {
        RosterError("another roster is named '\(name)' already (names are compared whatever their case): choose another name")
    }

    /// Some of the targets to remove are not in the roster: nothing was removed.
    public static func notMembers(_ name: String, _ targets: [String]) -> RosterError {
        let shown = targets.prefix(5).joined(separator: ", ") + (targets.count > 5 ? " and \(targets.count - 5) more" : "")
        return RosterError("not in the roster '\(name)': \(shown); nothing was removed")
    }

    /// The roster would hold more than ``Roster/maximumMembers``.
    public static func tooLarge(_ name: String, _ count: Int) -> RosterError {
        RosterError(
            "the roster '\(name)' would hold \(count) creators; a roster holds at most \(Roster.maximumMembers); "
                + "split the list")
    }
}

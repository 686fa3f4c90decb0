/// Why the store cannot be used, in words that say what to do. The file is never
/// changed when one of these is thrown at opening.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }

    static func corrupt(_ path: String, _ reason: String) -> StoreError {
        StoreError(
            "\(path) is not a readable ylytic store (\(reason)). It was left untouched; move it aside, or use "
                + "--store PATH for another file.")
    }

    static func newer(_ path: String, _ migrations: [String]) -> StoreError {
        StoreError(
            "\(path) was written by a newer ylytic (schema \(migrations.joined(separator: ", "))). It was left "
                + "untouched; upgrade ylytic, or use --store PATH for another file.")
    }

    static func older(_ path: String) -> StoreError {
        StoreError(
            "\(path) was written by an earlier ylytic and needs upgrading, which cannot be done read-only; open it "
                + "once with write access (ylytic list as its owner does it)")
    }

    static func missing(_ path: String) -> StoreError {
        StoreError("there is no store at \(path) yet")
    }

    /// The store exists but this command would write to it, and it cannot be written.
    public static func readOnly(_ path: String) -> StoreError {
        StoreError(
            "the store \(path) is read-only for this user; reading commands (list, history, export, the dashboard) "
                + "work, commands that refresh or forget do not")
    }

    static func unopenable(_ path: String, _ reason: String) -> StoreError {
        StoreError("cannot open the store \(path): \(reason)")
    }
}

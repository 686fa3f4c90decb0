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

    static func unopenable(_ path: String, _ reason: String) -> StoreError {
        StoreError("cannot open the store \(path): \(reason)")
    }
}

/// The order of a list of creators: a field, and which way; creators the field is unknown for come last either way.
public struct CreatorSort: Sendable, Equatable {
    public var field: CreatorField
    public var ascending: Bool

    public init(_ field: CreatorField, ascending: Bool? = nil) {
        self.field = field
        self.ascending = ascending ?? field.sortsAscendingFirst
    }

    /// Newest refresh first.
    public static let newestFirst = CreatorSort(.refreshed)

    /// Reads `FIELD` or `FIELD:asc` / `FIELD:desc` (`followers:desc`, `er`, `posts/wk:asc`).
    public init(parsing text: String) throws(CreatorSortError) {
        var name = text[...]
        var ascending: Bool?
        if let colon = text.lastIndex(of: ":") {
            switch text[text.index(after: colon)...].lowercased() {
            case "asc": ascending = true
            case "desc": ascending = false
            default: throw CreatorSortError("'\(text)': the direction after ':' is asc or desc")
            }
            name = text[..<colon]
        }
        guard let field = CreatorField(named: String(name)) else {
            throw CreatorSortError(
                "'\(name)' is not a column; sort by one of "
                    + CreatorField.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self.init(field, ascending: ascending)
    }

    /// As `--sort` takes it: `er:desc`.
    public var text: String { field.rawValue + (ascending ? ":asc" : ":desc") }

    /// `listings` in this order; ties keep the order they came in.
    public func sorted(_ listings: [CreatorListing]) -> [CreatorListing] {
        let keyed = listings.enumerated().map { (offset: $0.offset, value: field.sortValue($0.element), listing: $0.element) }
        return keyed.sorted { left, right in
            switch (left.value, right.value) {
            case (nil, nil): return left.offset < right.offset
            case (nil, _): return false
            case (_, nil): return true
            case (let a?, let b?):
                if a == b { return left.offset < right.offset }
                return ascending ? a < b : b < a
            }
        }.map(\.listing)
    }
}

/// A sort that cannot be read, with the reason.
public struct CreatorSortError: Error, Sendable {
    public let message: String

    init(_ message: String) {
        self.message = message
    }
}

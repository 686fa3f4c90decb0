/// A query that cannot be read: where (a character offset into the query) and why.
public struct QueryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The offset, in characters, of the first character that is wrong.
    public let offset: Int
    public let message: String

    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }

    /// The query, then a caret under the character at fault with the reason:
    /// ```
    /// er>>3
    ///    ^ expected a number after '>'
    /// ```
    public func pointing(at query: String) -> String {
        query + "\n" + String(repeating: " ", count: offset) + "^ " + message
    }

    /// The part of the query from the fault on, with the reason, on one line: `>3 ^ expected a number after '>'`.
    public func inline(_ query: String) -> String {
        let start = query.index(query.startIndex, offsetBy: min(offset, query.count))
        let rest = query[start...].prefix(12)
        return rest.isEmpty ? "^ \(message)" : "\(rest) ^ \(message)"
    }

    public var description: String { "at character \(offset + 1): \(message)" }
}

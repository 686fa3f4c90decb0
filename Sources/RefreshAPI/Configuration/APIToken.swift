/// The API token. Its text is reachable only through ``secret``; printing,
/// interpolating, dumping or encoding the token shows `<redacted>`.
public struct APIToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The token itself, for the `Authorization` header and nothing else.
    public let secret: String

    /// A token, trimmed of surrounding whitespace and of a byte-order mark an editor may have put first; `nil`
    /// when empty.
    public init?(_ text: String) {
        let trimmed = text.replacing(/^\x{FEFF}/, with: "").trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        secret = trimmed
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "APIToken(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

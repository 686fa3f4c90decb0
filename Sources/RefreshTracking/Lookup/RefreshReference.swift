import Foundation
import RefreshAPI

/// How a person names a refresh on a command line: by the request's id, or by what it was about (a creator or a
/// post), meaning that one's latest refresh.
public enum RefreshReference: Hashable, Sendable, CustomStringConvertible {
    /// One word whose kind only the store can tell: a request id, a handle, a user or channel id, or a name.
    case word(String)
    /// What a refresh was about, with its type plain from the form: `@handle`, a pasted address, or `TYPE VALUE`.
    case target(RefreshTarget)

    /// Reads command-line words: a request type followed by a value is one reference (`youtube UC…`), an
    /// `@handle` or an address is a target, and any other word is a ``word(_:)``.
    public static func read(_ words: [String]) throws(TargetValidationError) -> [RefreshReference] {
        var references: [RefreshReference] = []
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index].trimmingCharacters(in: .whitespacesAndNewlines)
            if let type = RequestType(rawValue: word.lowercased()) {
                guard index + 1 < words.endIndex else {
                    throw TargetValidationError(
                        "'\(word)' is a type; give its \(type.parameterName) after it, e.g. '\(type.rawValue) \(type.example)'")
                }
                references.append(.target(try RefreshTarget(type: type, typedValue: words[index + 1])))
                index += 2
                continue
            }
            if word.hasPrefix("@") || PastedURL.looksLikeAnAddress(word) {
                references.append(.target(try RefreshTarget(parsing: word)))
            } else if word.isEmpty {
                throw TargetValidationError("an empty request id or creator")
            } else {
                references.append(.word(word))
            }
            index += 1
        }
        return references
    }

    public var description: String {
        switch self {
        case .word(let word): word
        case .target(let target): target.type == .instagram ? "@" + target.value : target.description
        }
    }
}

import Foundation
import RefreshAPI
import RefreshTracking
import TextGrid

/// Arguments that name refreshes: request ids, or creators and posts (`@handle`, an address, `TYPE VALUE`, a user
/// or channel id) meaning their latest refresh in the store.
enum ReferenceArguments {
    static let help =
        "A request id, or a creator or post: @handle, a pasted address, TYPE VALUE, an Instagram user id or a "
        + "YouTube channel id (its latest refresh in the store)."

    /// Reads the words; a type without a value or an address that is not one is an input error (exit 2).
    static func read(_ words: [String]) throws(CommandFailure) -> [RefreshReference] {
        do {
            return try RefreshReference.read(words)
        } catch {
            throw CommandFailure(message: SafeText.sanitize(error.message), status: .invalidInput)
        }
    }

    /// A request a reference names.
    enum Named {
        /// One the store knows of; `tracked` is nil when it kept the response but no longer tracks the request.
        case stored(RequestID, tracked: TrackedRequest?)
        /// A word the store knows nothing of, which only the server may know as a request id.
        case serverOnly(RequestID)
    }

    /// What to add when the server fails to answer for a word the store knows nothing of: that the store does not
    /// know it either, and how a creator of that handle is written. Nothing for a word shaped as the API's request
    /// ids are (24 hexadecimal digits).
    static func unknownWordHint(_ id: RequestID) -> String {
        let word = id.rawValue
        if word.count == 24, word.allSatisfy(\.isHexDigit) { return "" }
        return " ('\(SafeText.sanitize(word))' names no creator in the store either; a handle is written @\(SafeText.sanitize(word)))"
    }

    /// The request `reference` names in `store` (nil when there is no store yet). Naming nothing, or several
    /// creators (which are listed), is an input error (exit 2).
    static func find(
        _ reference: RefreshReference, in store: (any TrackingStore)?, wanting wanted: RefreshLookup.Wanted
    ) async throws(CommandFailure) -> Named {
        guard let store else {
            if case .word(let word) = reference, RequestID(typed: word).isWellFormed {
                return .serverOnly(RequestID(typed: word))
            }
            throw CommandFailure(
                message: SafeText.sanitize("no refresh of \(reference): the store is empty"), status: .invalidInput)
        }
        let found: RefreshLookup.Found
        do {
            found = try await RefreshLookup(store: store).find(reference, wanting: wanted)
        } catch {
            throw CommandFailure(message: "the store failed: \(error)", status: .invalidInput)
        }
        switch found {
        case .request(let id, let tracked): return .stored(id, tracked: tracked)
        case .unknownWord(let id): return .serverOnly(id)
        case .notFound(let message): throw CommandFailure(message: SafeText.sanitize(message), status: .invalidInput)
        case .ambiguous(let creators): throw ambiguity(reference, creators)
        }
    }

    /// The creator `reference` names, or the one the request or post it names was about. Naming nothing, or
    /// several creators (which are listed), is an input error (exit 2).
    static func findCreator(_ reference: RefreshReference, in store: any TrackingStore) async throws(CommandFailure)
        -> StoredCreator
    {
        let found: RefreshLookup.FoundCreator
        do {
            found = try await RefreshLookup(store: store).creator(reference)
        } catch {
            throw CommandFailure(message: "the store failed: \(error)", status: .invalidInput)
        }
        switch found {
        case .creator(let creator): return creator
        case .notFound(let message):
            throw CommandFailure(
                message: SafeText.sanitize(message + " (ylytic list shows what was refreshed)"), status: .invalidInput)
        case .ambiguous(let creators): throw ambiguity(reference, creators)
        }
    }

    /// The failure of a reference several creators answer to, listing them as TYPE VALUE.
    private static func ambiguity(_ reference: RefreshReference, _ creators: [StoredCreator]) -> CommandFailure {
        let candidates = creators.map { creator in
            let name = creator.name.map { " (\($0))" } ?? ""
            if creator.platform == Platform.youtube.rawValue { return "  youtube \(creator.key)\(name)" }
            if let handle = creator.handle { return "  instagram \(handle)\(name)" }
            return "  instagram_id \(creator.platformID ?? creator.key)\(name)"
        }
        return CommandFailure(
            message: SafeText.sanitize(
                "'\(reference)' names \(creators.count) creators; give one as TYPE VALUE:\n"
                    + candidates.joined(separator: "\n"), keepingNewlines: true),
            status: .invalidInput)
    }
}

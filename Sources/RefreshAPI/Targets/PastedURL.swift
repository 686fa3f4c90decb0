import Foundation

/// Derives a refresh target from a pasted Instagram or YouTube address.
public enum PastedURL {
    /// Instagram paths that are not profiles.
    private static let reservedInstagramPaths: Set<String> = [
        "explore", "accounts", "stories", "direct", "about", "developer", "legal", "web", "api",
    ]

    /// The addresses understood, for messages.
    static let acceptedForms =
        "instagram.com/NAME, instagram.com/p/CODE, instagram.com/reel/CODE, youtube.com/channel/ID, "
        + "youtube.com/watch?v=ID, youtu.be/ID, youtube.com/shorts/ID"

    /// Whether the input is meant as a web address (a scheme, or a host name followed by a path), known or not.
    public static func looksLikeAnAddress(_ input: String) -> Bool {
        let lowered = input.lowercased()
        if lowered.contains("://") || lowered.hasPrefix("www.") { return true }
        guard let slash = lowered.firstIndex(of: "/") else { return false }
        return lowered[..<slash].contains(".")
    }

    /// Returns the target a URL points at, `nil` when the input is not an
    /// Instagram or YouTube address, or throws when it is one but names
    /// nothing the API can refresh.
    static func target(from input: String) throws(TargetValidationError) -> RefreshTarget? {
        guard let (host, path, query) = split(input) else { return nil }
        let segments = path.split(separator: "/").map(String.init)
        switch host {
        case "instagram.com", "instagr.am":
            return try instagramTarget(segments: segments, input: input)
        case "youtube.com", "music.youtube.com":
            return try youtubeTarget(segments: segments, query: query, input: input)
        case "youtu.be":
            guard let id = segments.first else {
                throw TargetValidationError("'\(input)' has no video id after youtu.be/")
            }
            return try RefreshTarget(type: .youtubePost, value: id)
        default:
            return nil
        }
    }

    private static func instagramTarget(segments: [String], input: String) throws(TargetValidationError)
        -> RefreshTarget
    {
        guard let first = segments.first else {
            throw TargetValidationError("'\(input)' is Instagram's home page; paste a profile or post address")
        }
        switch first.lowercased() {
        case "p", "reel", "reels", "tv":
            guard segments.count >= 2 else {
                throw TargetValidationError("'\(input)' has no post shortcode after /\(first)/")
            }
            return try RefreshTarget(type: .instagramPost, value: segments[1])
        case let reserved where reservedInstagramPaths.contains(reserved):
            throw TargetValidationError("'\(input)' is not a profile or post address")
        default:
            // A profile is exactly /NAME; /NAME/p/CODE and /NAME/reel/CODE are that creator's posts.
            if segments.count == 1 { return try RefreshTarget(type: .instagram, value: first) }
            if segments.count >= 3, ["p", "reel", "tv"].contains(segments[1].lowercased()) {
                return try RefreshTarget(type: .instagramPost, value: segments[2])
            }
            throw TargetValidationError(
                "'\(input)' is not a profile or post address; a profile is instagram.com/NAME, a post "
                    + "instagram.com/p/CODE")
        }
    }

    private static func youtubeTarget(segments: [String], query: [String: String], input: String)
        throws(TargetValidationError) -> RefreshTarget
    {
        guard let first = segments.first else {
            throw TargetValidationError("'\(input)' is YouTube's home page; paste a channel or video address")
        }
        switch first {
        case "watch":
            guard let id = query["v"] else {
                throw TargetValidationError("'\(input)' has no v= video id")
            }
            return try RefreshTarget(type: .youtubePost, value: id)
        case "shorts", "embed", "live", "v":
            guard segments.count >= 2 else {
                throw TargetValidationError("'\(input)' has no video id after /\(first)/")
            }
            return try RefreshTarget(type: .youtubePost, value: segments[1])
        case "channel":
            guard segments.count >= 2 else {
                throw TargetValidationError("'\(input)' has no channel id after /channel/")
            }
            return try RefreshTarget(type: .youtube, value: segments[1])
        default:
            throw TargetValidationError(
                "'\(input)' is not a channel or video address; the API needs a youtube.com/channel/UC… "
                    + "address (handles and custom names cannot be refreshed)")
        }
    }

    /// Splits an address into its host without `www.`/`m.`, path and query items.
    private static func split(_ input: String) -> (String, String, [String: String])? {
        guard !input.contains(where: \.isWhitespace) else { return nil }
        let lowered = input.lowercased()
        let knownHosts = ["instagram.com", "instagr.am", "youtube.com", "youtu.be"]
        guard knownHosts.contains(where: { lowered.contains($0) }) else { return nil }
        guard !lowered.contains("://") || lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            return nil
        }
        let withScheme = lowered.hasPrefix("http://") || lowered.hasPrefix("https://") ? input : "https://" + input
        guard let components = URLComponents(string: withScheme), var host = components.host?.lowercased() else {
            return nil
        }
        for prefix in ["www.", "m."] where host.hasPrefix(prefix) {
            host.removeFirst(prefix.count)
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] where query[item.name] == nil {
            query[item.name] = item.value
        }
        return (host, components.path, query)
    }
}

/// The five kinds of refresh the Data Refresh API accepts, each naming the one
/// parameter that goes with it in the POST body.
public enum RequestType: String, CaseIterable, Sendable, Codable, Hashable {
    case instagram
    case instagramID = "instagram_id"
    case instagramPost = "instagram_post"
    case youtube
    case youtubePost = "youtube_post"

    /// The name of the second field in the POST body, e.g. `handle` for `instagram`.
    public var parameterName: String {
        switch self {
        case .instagram: "handle"
        case .instagramID: "ig_user_id"
        case .instagramPost: "shortcode"
        case .youtube: "channel_id"
        case .youtubePost: "video_id"
        }
    }

    /// The platform the refresh is about.
    /// A value of this type, for messages that show what to type.
    public var example: String {
        switch self {
        case .instagram: "thetatvaindia"
        case .instagramID: "17841400000000"
        case .instagramPost: "DHGIoX0y3f3"
        case .youtube: "UCurYxozQbvKn-oNUxNJh45Q"
        case .youtubePost: "iwIeyWv2ABI"
        }
    }

    public var platform: Platform {
        switch self {
        case .instagram, .instagramID, .instagramPost: .instagram
        case .youtube, .youtubePost: .youtube
        }
    }

    /// Whether the refresh is about a single post rather than a whole creator.
    public var isSinglePost: Bool {
        self == .instagramPost || self == .youtubePost
    }
}

/// The social platform a creator or post lives on.
public enum Platform: String, CaseIterable, Sendable, Codable, Hashable {
    case instagram
    case youtube

    /// The platform's name as people write it.
    public var displayName: String {
        switch self {
        case .instagram: "Instagram"
        case .youtube: "YouTube"
        }
    }
}

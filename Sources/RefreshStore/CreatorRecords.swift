import Foundation
import GRDB
import RefreshAPI

/// A creator, identified per platform, with the figures of its latest refresh.
public struct StoredCreator: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "creator"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    public static let databaseDateEncodingStrategy = DatabaseDateEncodingStrategy.timeIntervalSince1970
    public static let databaseDateDecodingStrategy = DatabaseDateDecodingStrategy.timeIntervalSince1970

    public var id: Int64?
    public var platform: String
    /// The identity within the platform: the lower-cased handle, else the user or channel id (as sent: channel
    /// ids are case-sensitive).
    public var key: String
    public var handle: String?
    public var name: String?
    public var tier: String?
    public var followers: Int?
    public var engagement: Double?
    public var contentPerWeek: Double?
    public var posts: Int?
    public var lastRefreshedAt: Date

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A creator's figures at the time of one refresh.
public struct CreatorSnapshot: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "snapshot"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
    public static let databaseDateEncodingStrategy = DatabaseDateEncodingStrategy.timeIntervalSince1970
    public static let databaseDateDecodingStrategy = DatabaseDateDecodingStrategy.timeIntervalSince1970

    public var id: Int64?
    public var creatorID: Int64
    public var requestID: String
    public var takenAt: Date
    public var followers: Int?
    public var following: Int?
    public var posts: Int?
    public var engagement: Double?
    public var tier: String?

    enum CodingKeys: String, CodingKey {
        case id, creatorID = "creatorId", requestID = "requestId", takenAt, followers, following, posts, engagement, tier
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// Which creator a finished refresh is about.
struct CreatorIdentity: Equatable {
    let platform: Platform
    let key: String

    /// The identity of the creator in `record`, or nil when the response does not say.
    init?(_ record: RefreshRecord) {
        guard let target = record.request?.target else { return nil }
        let overview = record.response?.profileOverview
        platform = target.type.platform
        let candidates: [String?] =
            switch target.type {
            case .instagram: [overview?.handle, target.value]
            case .instagramID: [overview?.handle, overview?.userID, target.value]
            case .youtube: [overview?.channelID, target.value]
            case .instagramPost, .youtubePost: [overview?.handle, overview?.channelID]
            }
        guard let key = candidates.compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return nil }
        self.key = platform == .instagram ? key.lowercased() : key
    }
}

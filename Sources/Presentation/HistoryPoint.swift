import Foundation

/// A creator's figures at one earlier refresh, for the creator page's history.
public struct HistoryPoint: Hashable, Sendable {
    public var date: Date
    public var followers: Int?
    public var engagement: Double?
    public var posts: Int?

    public init(date: Date, followers: Int?, engagement: Double?, posts: Int?) {
        self.date = date
        self.followers = followers
        self.engagement = engagement
        self.posts = posts
    }
}

import Foundation
import RefreshTracking
import Testing

@Suite("The creator query language")
struct CreatorQueryTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let day: TimeInterval = 86_400

    /// Five creators of both platforms, with and without the figures a query asks about.
    static let creators: [StoredCreator] = [
        StoredCreator(
            id: 1, platform: "instagram", key: "priya.cooks", handle: "priya.cooks", name: "Priya Sharma", tier: "micro",
            followers: 42_000, engagement: 4.2, contentPerWeek: 3, followersGrowthMonth: 1.5, sponsoredShare: 25,
            category: "Food & Drink", city: "Pune", country: "India", biography: "Home recipes from Pune",
            lastRefreshedAt: now - 2 * day),
        StoredCreator(
            id: 2, platform: "instagram", key: "arjun.eats", handle: "arjun.eats", name: "Arjun Rao", tier: "lower-mid",
            followers: 180_000, engagement: 2.1, contentPerWeek: 1, followersGrowthMonth: -0.8, sponsoredShare: 60,
            category: "Food", city: "Mumbai", country: "India", lastRefreshedAt: now - 20 * day),
        StoredCreator(
            id: 3, platform: "youtube", key: "UCtechtalk000000000000000", name: "Tech Talk", tier: "macro",
            followers: 750_000, engagement: 3.5, contentPerWeek: 2, followersGrowthMonth: 0.2, category: "Technology",
            city: "Bengaluru", country: "India", lastRefreshedAt: now - 1 * day),
        StoredCreator(
            id: 4, platform: "instagram", key: "zoe.travels", handle: "zoe.travels", name: "Zoë Martin", tier: "nano",
            followers: 5_000, engagement: 6.0, category: "Travel", city: "Lyon", country: "France",
            lastRefreshedAt: now - 40 * day),
        StoredCreator(id: 5, platform: "instagram", key: "bare", handle: "bare", lastRefreshedAt: now - 3 * day),
    ]

    static let context = QueryContext(
        now: now,
        rosters: [
            1: [.init(name: "Summer-26", maxAge: 7 * day)], 2: [.init(name: "summer-26", maxAge: 7 * day)],
            4: [.init(name: "travel", maxAge: nil)],
        ])

    static func selected(_ query: String) throws -> [Int64] {
        try CreatorQuery(parsing: query).filter(creators, in: context).compactMap(\.id)
    }

    @Test(arguments: [
        ("", [1, 2, 3, 4, 5]),
        ("priya", [1]),
        ("recipes", [1]),
        ("ZOE", [4]),
        ("tier:micro", [1]),
        ("tier:micro,mid", [1, 2]),
        ("-tier:micro", [2, 3, 4, 5]),
        ("platform:youtube", [3]),
        ("platform:ig", [1, 2, 4, 5]),
        ("followers:10k..500k", [1, 2]),
        ("followers:..10k", [4]),
        ("followers>=750k", [3]),
        ("er>3%", [1, 3, 4]),
        ("er>3 tier:micro", [1]),
        ("growth.month<0", [2]),
        ("posts/wk>=2", [1, 3]),
        ("sponsored>20%", [1, 2]),
        ("-sponsored>20%", [3, 4, 5]),
        ("category:food", [1, 2]),
        ("city:pune", [1]),
        ("country:india", [1, 2, 3]),
        ("stale", [2]),
        ("-stale", [1, 3, 4, 5]),
        ("refreshed<7d", [1, 3, 5]),
        ("refreshed>30d", [4]),
        ("roster:summer-26", [1, 2]),
        ("roster:SUMMER-26,travel", [1, 2, 4]),
        ("tier:micro category:food city:pune er>3% refreshed<7d", [1]),
        ("platform:youtube OR tier:nano", [3, 4]),
        ("country:india er>4 OR country:france", [1, 4]),
        ("\"Tech Talk\"", [3]),
        ("city:\"pune\"", [1]),
    ])
    func aQuerySelectsTheCreatorsItDescribes(query: String, expected: [Int64]) throws {
        #expect(try Self.selected(query) == expected, "\(query)")
    }

    @Test(arguments: [
        ("er>>3", 3, "expected a number after '>'"),
        ("tier:giant", 5, "unknown tier 'giant'"),
        ("platform:tiktok", 9, "unknown platform 'tiktok'"),
        ("colour:red", 0, "unknown field 'colour'"),
        ("likes>3", 0, "unknown figure 'likes'"),
        ("er>3 OR", 5, "expected a term after OR"),
        ("OR er>3", 0, "expected a term before OR"),
        ("refreshed<7", 10, "is not a time"),
        ("refreshed<soon", 10, "expected a time like 7d"),
        ("city:\"pune", 5, "never closed"),
        ("followers:..", 10, "expected a bound"),
        ("followers:10k..lots", 15, "expected a number after '..'"),
        ("er>3x", 4, "'3x' is not a number"),
        ("tier:", 5, "expected a value after 'tier:'"),
        ("-er>>3", 4, "expected a number after '>'"),
        ("refreshed=7d", 9, "compare a time with < or >"),
        ("platform:ig,tiktok", 12, "unknown platform 'tiktok'"),
        ("tier:micro,giant", 11, "unknown tier 'giant'"),
        ("followers:\"10k..5x\"", 17, "'5x' is not a number"),
        ("\"er\">>3", 5, "expected a number after '>'"),
    ])
    func aBadTermIsPointedAt(query: String, offset: Int, message: String) {
        #expect {
            try CreatorQuery(parsing: query)
        } throws: { error in
            guard let error = error as? QueryError else { return false }
            return error.offset == offset && error.message.contains(message)
        }
    }

    @Test func anErrorIsShownUnderTheQuery() throws {
        let error = try #require(throws: QueryError.self) { try CreatorQuery(parsing: "tier:micro er>>3") }
        #expect(error.pointing(at: "tier:micro er>>3") == "tier:micro er>>3\n              ^ expected a number after '>'")
        #expect(error.inline("tier:micro er>>3") == ">3 ^ expected a number after '>'")
    }

    @Test func anOverlongQueryIsRefusedNotRead() {
        #expect(throws: QueryError.self) { try CreatorQuery(parsing: String(repeating: "a ", count: 5_000)) }
    }
}

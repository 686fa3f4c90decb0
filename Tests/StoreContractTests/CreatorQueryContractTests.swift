import Foundation
import RefreshAPI
import RefreshTestSupport
import RefreshTracking
import Testing

/// A query is answered the same whether a store answers part of it in SQL or every creator is asked in memory.
@Suite("Creator queries in SQL and in memory", .throwawayPostgres)
struct CreatorQueryContractTests {
    /// A generator of the same numbers on every run (SplitMix64).
    struct Seeded: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let tiers = ["early", "nano", "micro", "lower-mid", "upper-mid", "macro", "mega", "celebrity", "MICRO", "mid", "foo-mid-bar"]

    static func creator(_ index: Int, _ random: inout Seeded) -> StoredCreator {
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &random) || Bool.random(using: &random) ? value() : nil }
        let platform = Bool.random(using: &random) ? "instagram" : "youtube"
        return StoredCreator(
            platform: platform, key: "creator\(index)", handle: "creator\(index)", name: "Creator \(index)",
            tier: maybe(tiers.randomElement(using: &random)!),
            followers: maybe(Int.random(in: 0...2_000_000, using: &random)),
            engagement: maybe(Double.random(in: 0...12, using: &random)),
            contentPerWeek: maybe(Double(Int.random(in: 0...14, using: &random)) / 2),
            followersGrowthMonth: maybe(Double.random(in: -5...5, using: &random)),
            sponsoredShare: maybe(Double(Int.random(in: 0...10, using: &random)) * 10),
            lastRefreshedAt: now - Double(Int.random(in: 0...(60 * 86_400), using: &random)))
    }

    /// A term, written as a person would type it.
    static func term(_ random: inout Seeded) -> String {
        let negation = Int.random(in: 0..<4, using: &random) == 0 ? "-" : ""
        let comparisons = ["<", "<=", ">", ">=", "="]
        let comparison = comparisons.randomElement(using: &random)!
        let body: String =
            switch Int.random(in: 0..<9, using: &random) {
            case 0: "followers\(comparison)\(Int.random(in: 0...2_000, using: &random))k"
            case 1: "er\(comparison)\(Double(Int.random(in: 0...120, using: &random)) / 10)%"
            case 2: "growth.month\(comparison)\(Int.random(in: -5...5, using: &random))"
            case 3: "posts/wk\(comparison)\(Double(Int.random(in: 0...14, using: &random)) / 2)"
            case 4: "sponsored\(comparison)\(Int.random(in: 0...10, using: &random) * 10)%"
            case 5: "followers:\(Int.random(in: 0...500, using: &random))k..\(Int.random(in: 500...2_000, using: &random))k"
            case 6: "tier:" + (0..<Int.random(in: 1...2, using: &random)).map { _ in
                    ["early", "nano", "micro", "lower-mid", "upper-mid", "macro", "mega", "celebrity", "mid"].randomElement(using: &random)!
                }.joined(separator: ",")
            case 7: "platform:" + ["instagram", "youtube", "ig,yt"].randomElement(using: &random)!
            default: "refreshed" + ["<", ">", "<=", ">="].randomElement(using: &random)! + "\(Int.random(in: 1...60, using: &random))d"
            }
        return negation + body
    }

    static func query(_ random: inout Seeded) -> String {
        (0..<Int.random(in: 1...2, using: &random)).map { _ in
            (0..<Int.random(in: 1...3, using: &random)).map { _ in term(&random) }.joined(separator: " ")
        }.joined(separator: " OR ")
    }

    @Test(arguments: StoreKind.allCases)
    func theStoresSQLAndTheQueryInMemoryAgreeOnGeneratedCreatorsAndQueries(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let store = shared.mine
        var random = Seeded(state: 2026)
        for index in 0..<80 {
            _ = try await store.adopt(Self.creator(index, &random), snapshots: [])
        }
        let all = try await store.creators()
        #expect(all.count == 80)
        let context = QueryContext(now: Self.now)
        var telling = 0
        for _ in 0..<300 {
            let text = Self.query(&random)
            let query = try CreatorQuery(parsing: text)
            let expected = query.filter(all, in: context).map(\.key)
            guard let prefilter = CreatorPrefilter(query, now: Self.now) else { continue }
            let fromSQL = try await store.creators(where: prefilter)
            #expect(fromSQL.map(\.key) == expected, "\(kind) \(text)")
            if !expected.isEmpty && expected.count < all.count { telling += 1 }
        }
        #expect(telling > 150, "most queries select some creators and not others")
    }

    @Test(arguments: StoreKind.allCases)
    func theRestOfAQueryIsAskedOfWhatTheStoreSelects(kind: StoreKind) async throws {
        let shared = try await SharedStore.make(kind)
        defer { shared.cleanUp() }
        let store = shared.mine
        var random = Seeded(state: 7)
        for index in 0..<40 {
            var creator = Self.creator(index, &random)
            creator.city = ["Pune", "Mumbai", nil].randomElement(using: &random)!
            _ = try await store.adopt(creator, snapshots: [])
        }
        let all = try await store.creators()
        let context = QueryContext(now: Self.now)
        for text in ["city:pune er>3", "city:pune followers>100k OR followers>1000k", "-city:pune tier:mid", "creator1 platform:yt"] {
            let query = try CreatorQuery(parsing: text)
            let prefilter = try #require(CreatorPrefilter(query, now: Self.now), "\(text)")
            let selected = try await store.creators(where: prefilter)
            #expect(query.filter(selected, in: context).map(\.key) == query.filter(all, in: context).map(\.key), "\(text)")
        }
        #expect(CreatorPrefilter(try CreatorQuery(parsing: "city:pune OR er>3"), now: Self.now) == nil, "a group the store cannot answer reads every creator")
    }
}

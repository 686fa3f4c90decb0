import Benchmark
import DashboardCore
import Foundation
import RefreshAPI
import RefreshTracking

/// Issue 26: with 5,000 creators on the Creators tab, a key typed into a query redraws within one frame budget of
/// 16 ms: the query read again, every creator asked, the list sorted, the frame drawn and compared with the last.
func queryBenchmarks() {
    let reducer = DashboardReducer()
    let screen = DashboardView()
    var state = HomeFixture.state(rows: 100)
    _ = reducer.reduce(&state, .creatorsLoaded(QueryFixture.creators(5_000, now: state.shared.now)))
    _ = reducer.reduce(&state, .key(.tab))
    _ = reducer.reduce(&state, .key(.character("/")))
    for character in "tier:micro,mid category:food er>3" { _ = reducer.reduce(&state, .key(.character(character))) }
    let typed = state
    precondition(screen.render(typed).text.contains("/tier:micro,mid category:food er>3"), "the query is typed")

    Benchmark(
        "A key typed into a query on 5,000 creators: reduce, filter, render, diff",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 2_000)
    ) { benchmark in
        // Each key changes the query (er>3, er>30, er>3 …), so that every creator is asked again.
        var typing = typed
        var previous = screen.render(typing)
        for iteration in benchmark.scaledIterations {
            _ = reducer.reduce(&typing, .key(iteration % 2 == 0 ? .character("0") : .backspace))
            let frame = screen.render(typing)
            blackHole(frame.changes(since: previous))
            previous = frame
        }
    }
}

enum QueryFixture {
    /// Creators of every tier, both platforms, eight categories and five places, refreshed over a month.
    static func creators(_ count: Int, now: Date) -> [CreatorRow] {
        let categories = ["Food", "Travel", "Technology", "Fashion", "Fitness", "Music", "Comedy", "Education"]
        let cities = ["Pune", "Mumbai", "Delhi", "Lyon", "Austin"]
        return (0..<count).map { index in
            let followers = [800, 5_000, 40_000, 180_000, 400_000, 800_000, 2_000_000, 9_000_000][index % 8] + index * 7
            return CreatorRow(
                StoredCreator(
                    id: Int64(index + 1), platform: index % 4 == 3 ? "youtube" : "instagram", key: "creator\(index)",
                    handle: "creator\(index)", name: "Creator \(index)",
                    tier: InfluencerTier(followers: followers).rawValue, followers: followers,
                    engagement: Double(index % 90) / 10, contentPerWeek: Double(index % 15) / 2,
                    previousFollowers: followers - index % 300, followersGrowthMonth: Double(index % 101 - 50) / 10,
                    sponsoredShare: Double(index % 11) * 10, category: categories[index % categories.count],
                    city: cities[index % cities.count], country: "India",
                    biography: "Creator number \(index), posting about \(categories[index % categories.count])",
                    lastRefreshedAt: now - Double(index * 500)),
                followerChange: index % 300, latestRequestID: String(format: "%024x", index))
        }
    }
}

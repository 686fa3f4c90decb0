import Foundation
import RefreshAPI
@testable import RefreshSimulator
import Testing

@Suite("A simulator whose creators move (--drift)")
struct DriftTests {
    let day = CalendarDate(year: 2026, month: 12, day: 7)!
    var factory: CreatorFactory { CreatorFactory(anchor: day, drifts: true) }

    @Test func aFallingCreatorLosesFivePercentOfItsFollowersAtEachRefresh() throws {
        let target = Targets.instagram("falling_star")
        let followers = (0..<4).map { factory.report(for: target, refresh: $0).profileOverview?.followers ?? 0 }
        for (before, after) in zip(followers, followers.dropFirst()) {
            let change = Double(after - before) / Double(before)
            #expect(abs(change + 0.05) < 0.001, "a refresh of a falling_ creator loses 5 %: \(followers)")
        }
    }

    @Test func theSameCreatorDayAndRefreshGiveTheSameFiguresAndAnotherRefreshMovesThemALittle() throws {
        let target = Targets.instagram("thetatvaindia")
        #expect(factory.report(for: target, refresh: 2) == factory.report(for: target, refresh: 2))
        let first = factory.report(for: target, refresh: 0), second = factory.report(for: target, refresh: 1)
        #expect(first != second, "each refresh takes a step of its own")
        let followers = try [first, second].map { try #require($0.profileOverview?.followers) }
        #expect(abs(Double(followers[1] - followers[0]) / Double(followers[0])) < 0.01, "a small one: \(followers)")
    }

    @Test func figuresMoveWithTheDayAndTheTierFollowsTheFollowers() throws {
        let target = Targets.instagram("thetatvaindia")
        let later = CreatorFactory(anchor: CalendarDate(daysSinceEpoch: day.daysSinceEpoch + 120), drifts: true)
        let now = try #require(factory.report(for: target).profileOverview)
        let then = try #require(later.report(for: target).profileOverview)
        #expect(now.followers != then.followers)
        for overview in [now, then] {
            #expect(overview.tier == InfluencerTier(followers: overview.followers ?? 0).rawValue)
        }
        var changedTier = 0
        for index in 0..<200 {
            let creator = Targets.instagram("creator\(index)")
            let tiers = [factory, later].map { $0.report(for: creator).profileOverview?.tier }
            if tiers[0] != tiers[1] { changedTier += 1 }
        }
        #expect((1...100).contains(changedTier), "some creators, not most, change tier in four months: \(changedTier)")
    }

    @Test func twoRefreshesWindowsShareTheirCommonDaysAndAgreeOnThem() throws {
        let target = Targets.instagram("thetatvaindia")
        let later = CreatorFactory(anchor: CalendarDate(daysSinceEpoch: day.daysSinceEpoch + 30), drifts: true)
        let first = try #require(factory.report(for: target, refresh: 0).growthTrends?.followers)
        let second = try #require(later.report(for: target, refresh: 0).growthTrends?.followers)
        #expect((60...130).contains(first.count), "\(first.count) points")
        #expect(first.last?.date == day)
        let firstByDay = Dictionary(first.map { ($0.date, $0.value) }, uniquingKeysWith: { $1 })
        let shared = second.filter { firstByDay[$0.date] != nil && $0.date < day }
        #expect(shared.count > 40, "most of the older window is in the newer: \(shared.count)")
        #expect(shared.allSatisfy { firstByDay[$0.date] == $0.value }, "the same course for the same refresh")
        #expect(first.last?.value == Double(factory.report(for: target).profileOverview?.followers ?? 0))
    }

    @Test func withoutDriftEveryRefreshIsTheSame() {
        let still = CreatorFactory(anchor: day)
        let target = Targets.instagram("falling_star")
        #expect(still.report(for: target, refresh: 0) == still.report(for: target, refresh: 3))
    }

    @Test func aDriftingSimulatorCountsTheRefreshesOfEachTarget() async throws {
        let target = Targets.instagram("falling_server")
        let followers = try await withSimulator(drifts: true) { simulator in
            var seen: [Int] = []
            for _ in 0..<3 {
                let record = try await simulator.refresh(target)
                seen.append(try #require(record.response?.profileOverview?.followers))
            }
            _ = try await simulator.refresh(Targets.instagram("someone_else"))
            return seen
        }
        #expect(followers[1] < followers[0] && followers[2] < followers[1], "\(followers)")
        #expect(abs(Double(followers[2]) / Double(followers[0]) - 0.9025) < 0.02, "two falls of 5 %: \(followers)")
    }
}

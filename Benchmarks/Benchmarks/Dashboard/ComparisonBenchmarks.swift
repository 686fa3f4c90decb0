import Benchmark
import DashboardCore
import Foundation
import RefreshAPI
import RefreshSimulator

/// Issue 11: the compare screen for four creators (Instagram and YouTube) with 20,000 posts each, a 200x60 frame
/// at most 2 ms; and reading those four refreshes into the comparison (done once, when `c` is pressed).
func comparisonBenchmarks() {
    let factory = CreatorFactory(anchor: CalendarDate(year: 2026, month: 11, day: 1)!, postCount: 20_000)
    let targets = [
        RefreshTarget(uncheckedType: .instagram, value: "compare_one"),
        RefreshTarget(uncheckedType: .youtube, value: "UCcompareTwo0000000000aa"),
        RefreshTarget(uncheckedType: .instagram, value: "compare_three"),
        RefreshTarget(uncheckedType: .youtube, value: "UCcompareFour000000000bb"),
    ]
    let loaded = targets.enumerated().map { index, target in
        let report = factory.report(for: target)
        let record = RefreshRecord(
            requestID: RequestID("65b87c8576c9b42b3a28590\(index)"), request: EchoedRequest(target), response: report,
            status: RefreshStatus(code: 200, message: "success"))
        let overview = report.profileOverview
        let row = CreatorRow(
            id: Int64(index + 1), platform: target.type.platform, key: target.value, handle: overview?.handle,
            name: report.profileDetails?.fullName, followers: overview?.followers, engagement: overview?.engagement,
            lastRefreshedAt: Date(), latestRequestID: record.requestID.rawValue)
        return (row, record)
    }
    precondition(loaded.allSatisfy { $0.1.response?.posts?.all.count == 20_000 }, "20,000 posts each")
    let reducer = DashboardReducer()
    let screen = DashboardView()
    var state = HomeFixture.state(rows: 100)
    _ = reducer.reduce(&state, .comparisonLoaded(loaded.map { ComparedCreator(row: $0.0, record: $0.1) }))
    let comparing = state
    precondition(screen.render(comparing).text.contains("compare 4 creators"), "the compare screen is shown")

    Benchmark(
        "Render the compare screen, 200x60, four creators with 20,000 posts each",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 2_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(screen.render(comparing)) }
    }

    Benchmark(
        "Read four 20,000-post refreshes into a comparison and lay it out, 200x60",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(5), maxIterations: 50)
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            var opening = state
            _ = reducer.reduce(&opening, .comparisonLoaded(loaded.map { ComparedCreator(row: $0.0, record: $0.1) }))
            blackHole(opening.screen)
        }
    }
}

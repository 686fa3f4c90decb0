import Benchmark
import DashboardCore
import Foundation
import RefreshAPI
import RefreshSimulator

/// Issue 6: rendering a 200x60 frame of the creator screen with 20,000 posts, median at most 2 ms; re-sorting
/// those posts by another column, at most 20 ms. Issue 14: a 200x60 frame of the requests screen with the preview
/// pane and 10,000 requests, median at most 2 ms.
func creatorBenchmarks() {
    let target = RefreshTarget(uncheckedType: .instagram, value: "benchmark_creator")
    let report = CreatorFactory(anchor: CalendarDate(year: 2026, month: 11, day: 1)!, postCount: 20_000).report(for: target)
    let record = RefreshRecord(
        requestID: "65b87c8576c9b42b3a285805", request: EchoedRequest(target), response: report,
        status: RefreshStatus(code: 200, message: "success"))
    let reducer = DashboardReducer()
    let screen = DashboardView()
    var state = HomeFixture.state(rows: 100)
    _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: record)))
    let reportState = state
    _ = reducer.reduce(&state, .key(.character("p")))
    let postsState = state
    // Issue 14: the requests screen with the preview pane showing that creator beside 10,000 requests.
    var previewing = HomeFixture.state(rows: 10_000)
    var effects: [DashboardEffect] = []
    while effects.isEmpty { effects = reducer.reduce(&previewing, .key(.down)) }
    guard case .loadPreview(let subject) = effects.first else { fatalError("no preview asked for") }
    _ = reducer.reduce(&previewing, .previewLoaded(requestID: subject, record))
    let previewState = previewing
    precondition(screen.render(previewState).text.contains("Top posts by engagement"), "the preview pane shows the creator")

    Benchmark(
        "Render the requests screen and the preview pane, 200x60, 10,000 requests, 20,000 posts",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 2_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(screen.render(previewState)) }
    }

    Benchmark(
        "Render the creator screen, 200x60, 20,000 posts",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 2_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(screen.render(reportState)) }
    }

    Benchmark(
        "Render the posts table, 200x60, 20,000 posts",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 2_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(screen.render(postsState)) }
    }

    Benchmark(
        "Re-sort 20,000 posts by another column",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(5), maxIterations: 200)
    ) { benchmark in
        var sorting = postsState
        for _ in benchmark.scaledIterations {
            _ = reducer.reduce(&sorting, .key(.character("o")))
            blackHole(sorting.screen)
        }
    }
}

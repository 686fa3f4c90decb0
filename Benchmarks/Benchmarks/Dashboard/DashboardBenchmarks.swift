import Benchmark
import DashboardCore
import Foundation
import RefreshAPI

let benchmarks: @Sendable () -> Void = {
    // Issue 5: rendering one 200x60 frame of the home screen with 10,000 tracked requests, median at most 2 ms;
    // moving the selection in that list, at most 5 ms from key to frame.
    let state = HomeFixture.state(rows: 10_000)
    let screen = DashboardView()

    Benchmark(
        "Render the home screen, 200x60, 10,000 requests",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 2_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(screen.render(state)) }
    }

    Benchmark(
        "Move the selection: key, reduce, render, diff",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 2_000)
    ) { benchmark in
        var moving = state
        let reducer = DashboardReducer()
        var previous = screen.render(moving)
        for _ in benchmark.scaledIterations {
            _ = reducer.reduce(&moving, .key(.down))
            let frame = screen.render(moving)
            blackHole(frame.changes(since: previous))
            previous = frame
        }
    }

    Benchmark(
        "A tracker change to one of 10,000 requests: reduce, render, diff",
        configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(5), maxIterations: 2_000)
    ) { benchmark in
        // Set up unmeasured: a state of its own (one change made, so its rows are no longer shared with the
        // fixture's), and the frame before.
        var changing = state
        let reducer = DashboardReducer()
        guard var row = changing.lists?.requests.list.rows.first else { return }
        _ = reducer.reduce(&changing, .updated([row]))
        var previous = screen.render(changing)
        benchmark.startMeasurement()
        for iteration in benchmark.scaledIterations {
            row.followers = iteration
            _ = reducer.reduce(&changing, .updated([row]))
            let frame = screen.render(changing)
            blackHole(frame.changes(since: previous))
            previous = frame
        }
    }

    creatorBenchmarks()
    textBenchmarks()
    comparisonBenchmarks()
    queryBenchmarks()
}

enum HomeFixture {
    static func state(rows count: Int) -> DashboardState {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        var state = DashboardState(now: now, source: "benchmark")
        let reducer = DashboardReducer()
        _ = reducer.reduce(&state, .resize(width: 200, height: 60))
        let phases = RequestRow.Phase.allCases
        let names = ["Ananya Sharma", "田中 花子", "Zoë Williams", "김민지", "Omar Haddad"]
        var rows: [RequestRow] = []
        rows.reserveCapacity(count)
        for index in 0..<count {
            let submitted: Date = now - Double(index * 7)
            let finished: Date? = index % 3 == 0 ? now - Double(index * 5) : nil
            let followers: Int? = index % 2 == 0 ? 1_000 + index * 37 : nil
            let detail: String? = index % 6 == 4 ? "failed: this account is private" : nil
            rows.append(
                RequestRow(
                    id: Int64(index), requestID: String(format: "%024x", index), type: RequestType.allCases[index % 5],
                    target: "creator_\(index)", phase: phases[index % phases.count], detail: detail,
                    submittedAt: submitted, finishedAt: finished, followers: followers,
                    creatorName: names[index % names.count]))
        }
        _ = reducer.reduce(&state, .loaded(rows))
        return state
    }
}

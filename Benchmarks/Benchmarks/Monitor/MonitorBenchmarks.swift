import Benchmark
import Foundation
import RefreshAPI
import RefreshTestSupport

let benchmarks: @Sendable () -> Void = {
    // Issue 2: the monitor following 10,000 pending requests: ≤ 2 KB of memory per followed request, and the
    // scheduling work per poll independent of how many are followed. Polls answer at once on a clock that
    // jumps to each deadline, so only the monitor's own work is measured, with its default bounds.
    for followed in [100, 10_000] {
        Benchmark(
            "10,000 polls while following \(followed)",
            configuration: .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(10), maxIterations: 20)
        ) { benchmark in
            let monitor = RefreshMonitor(poller: InstantPoller(), time: FastForwardTimeSource())
            for index in 0..<followed { await monitor.follow(requestID(index)) }
            var polls = 0
            benchmark.startMeasurement()
            for await _ in monitor.updates {
                polls += 1
                if polls == 10_000 { break }
            }
            benchmark.stopMeasurement()
            await monitor.stop()
        }
    }

    for followed in [0, 10_000] {
        Benchmark(
            "Memory while following \(followed) pending requests",
            configuration: .init(metrics: [.peakMemoryResident], maxIterations: 5)
        ) { _ in
            let monitor = RefreshMonitor(poller: InstantPoller(), time: ManualTimeSource())
            for index in 0..<followed { await monitor.follow(requestID(index)) }
            blackHole(await monitor.followedIDs.count)
            await monitor.stop()
        }
    }
}

/// A 24-hex id like the API's.
func requestID(_ index: Int) -> RequestID {
    let hex = String(index, radix: 16)
    return RequestID("65b87c8576c9b42b3a" + String(repeating: "0", count: max(0, 6 - hex.count)) + hex)
}

/// Answers every poll at once with "pending".
struct InstantPoller: RefreshPoller {
    nonisolated(unsafe) static let pending = RefreshStatus(code: 201, message: "pending")

    nonisolated(nonsending) func poll(_ id: RequestID) async throws(RefreshClientError) -> FetchedRecord {
        FetchedRecord(record: RefreshRecord(requestID: id, status: Self.pending), body: Data())
    }
}

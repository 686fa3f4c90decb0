import Benchmark
import Foundation
import RefreshAPI
import ResponseBodies

let benchmarks: @Sendable () -> Void = {
    // Times are measured without counting allocations: the interposer that counts them costs time on each one.
    // The allocation benchmarks at the end count them.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 50)

    // Issue 2: decoding 20,000 posts and two 400-point trends (about 10 MB): median ≤ 200 ms, peak ≤ 150 MB above
    // the process's baseline. "Baseline" holds the same body without decoding it: the difference is the decoder's.
    Benchmark("Baseline: the body in memory, not decoded", configuration: .init(metrics: [.peakMemoryResident])) { _ in
        blackHole(SyntheticResponse.large.count)
    }

    // Issue 12: the same body with the byte-level reader: median ≤ 30 ms, peak ≤ 40 MB above the baseline.
    Benchmark("Decode 20,000 posts + 2x400 trend points") { _ in
        blackHole(try RefreshRecordDecoder.decode(SyntheticResponse.large))
    }

    // Issue 12: a body of the spec's size (20 KB: 30 posts, two 60-point trends): ≤ 50 µs.
    Benchmark(
        "Decode a 20 KB body (30 posts + 2x60 trend points)",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(5), maxIterations: 20_000)
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try RefreshRecordDecoder.decode(SyntheticResponse.small)) }
    }

    Benchmark(
        "Allocations: decoding 20,000 posts + 2x400 trend points",
        configuration: .init(metrics: [.mallocCountTotal], maxDuration: .seconds(5), maxIterations: 5)
    ) { _ in
        blackHole(try RefreshRecordDecoder.decode(SyntheticResponse.large))
    }

    Benchmark(
        "Allocations: decoding a 20 KB body",
        configuration: .init(metrics: [.mallocCountTotal], maxDuration: .seconds(5), maxIterations: 100)
    ) { _ in
        blackHole(try RefreshRecordDecoder.decode(SyntheticResponse.small))
    }
}

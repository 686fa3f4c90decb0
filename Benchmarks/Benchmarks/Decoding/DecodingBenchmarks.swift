import Benchmark
import Foundation
import RefreshAPI

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal], maxDuration: .seconds(10), maxIterations: 50)

    // Issue 2: decoding 20,000 posts and two 400-point trends (about 9 MB): median ≤ 200 ms, peak ≤ 150 MB above
    // the process's baseline. "Baseline" holds the same body without decoding it: the difference is the decoder's.
    Benchmark("Baseline: the body in memory, not decoded", configuration: .init(metrics: [.peakMemoryResident])) { _ in
        blackHole(SyntheticResponse.large.count)
    }

    Benchmark("Decode 20,000 posts + 2x400 trend points") { _ in
        blackHole(try RefreshRecordDecoder.decode(SyntheticResponse.large))
    }
}

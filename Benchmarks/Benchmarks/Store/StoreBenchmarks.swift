import Benchmark
import Foundation
import RefreshAPI
import RefreshSimulator
import RefreshStore
import RefreshTracking

let benchmarks: @Sendable () -> Void = {
    // Issue 4: a store with 10,000 requests and 1,000 full responses: opening it and loading the request list
    // at most 100 ms; recording 5,000 status changes at least 5,000 per second; the store's size for 1,000
    // responses of the simulator's typical size at most 2x the raw JSON (printed once by the setup).
    Benchmark(
        "Open a store of 10,000 requests and 1,000 responses, load the request list",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 30)
    ) { benchmark in
        let url = try await StoreFixture.large()
        benchmark.startMeasurement()
        let store = try RefreshStore(url: url)
        let requests = try await store.requests(in: nil)
        benchmark.stopMeasurement()
        precondition(requests.count == 10_000)
    }

    Benchmark(
        "Record 5,000 status changes",
        configuration: .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(20), maxIterations: 10)
    ) { benchmark in
        let url = try await StoreFixture.large()
        let store = try RefreshStore(url: url)
        let pending = try await store.requests(in: .pending).prefix(5_000).compactMap(\.requestID)
        let now = Date()
        benchmark.startMeasurement()
        // Every other answer changes what is shown (a new status message), so half the writes move the revision.
        for (index, id) in pending.enumerated() {
            try await store.recordPoll(
                RefreshRecord(
                    requestID: RequestID(id), status: RefreshStatus(code: 201, message: index % 2 == 0 ? "pending" : "queued")),
                at: now.addingTimeInterval(Double(index)), nextPollAt: nil)
        }
        benchmark.stopMeasurement()
    }
}

/// A store of 10,000 requests, 1,000 of them finished with a full simulator response, built once per process.
enum StoreFixture {
    nonisolated(unsafe) private static var built: URL?

    static func large() async throws -> URL {
        if let built { return built }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ylytic-bench-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        let url = folder.appendingPathComponent("ylytic.sqlite")
        let store = try RefreshStore(url: url)
        let factory = CreatorFactory(anchor: CalendarDate(year: 2026, month: 11, day: 1)!)
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        var rawBytes = 0
        for index in 0..<10_000 {
            let target = try RefreshTarget(type: .instagram, value: "creator_\(index % 3_000)")
            let id = String(format: "%024x", index + 1)
            let at = start.addingTimeInterval(Double(index))
            guard
                case .recorded(let local) = try await store.recordIntent(
                    target, at: at, holder: LeaseHolder("benchmark"), leaseUntil: at + 45, submitter: "benchmark",
                    joiningFreshSince: nil)
            else { fatalError("nothing is joined without a freshness window") }
            try await store.recordSubmission(
                local,
                RefreshRecord(requestID: RequestID(id), request: EchoedRequest(target), status: RefreshStatus(code: 201, message: "pending")),
                holder: nil, leaseUntil: nil)
            if index % 10 == 0 {
                let body = factory.finishedBody(requestID: id, target: target, requestedAt: start)
                rawBytes += body.count
                try await store.recordFinished(
                    try RefreshRecordDecoder.decode(body), body: body, at: start.addingTimeInterval(Double(index) + 10))
            }
        }
        let fileBytes = ["", "-wal"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: url.path + suffix)[.size] as? Int) ?? 0)
        }
        print(
            "Store size: \(fileBytes / 1_048_576) MB for 10,000 requests and 1,000 responses of "
                + "\(rawBytes / 1_048_576) MB raw JSON (\(String(format: "%.2f", Double(fileBytes) / Double(rawBytes)))x)")
        built = url
        return url
    }
}

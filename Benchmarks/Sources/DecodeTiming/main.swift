import Foundation
import RefreshAPI
import ResponseBodies

// Times RefreshRecordDecoder on the benchmark bodies with the C library's allocator (issue 12): the median and
// the fastest of many decodes, the first decode of the process (cold: every page touched for the first time),
// and the peak resident memory the large decode adds to the process.
// Run: swift run -c release decode-timing

/// Milliseconds that `work` takes.
func milliseconds(_ work: () throws -> Void) rethrows -> Double {
    let started = ContinuousClock.now
    try work()
    let elapsed = ContinuousClock.now - started
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
}

/// The process's peak resident memory so far, in megabytes (Linux; 0 elsewhere).
func peakResidentMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
    else { return 0 }
    return kilobytes / 1024
}

func report(_ name: String, _ samples: [Double], unit: String, scale: Double) {
    let sorted = samples.sorted()
    let median = String(format: "%.1f", sorted[sorted.count / 2] * scale)
    let fastest = String(format: "%.1f", sorted[0] * scale)
    print("\(name): median \(median) \(unit), fastest \(fastest) \(unit) (\(sorted.count) decodes)")
}

/// Times `count` decodes of `body` one by one, each record freed inside the timing.
func decodeTimes(_ body: Data, count: Int, parts: RefreshRecordDecoder.Parts = .whole) throws -> [Double] {
    try (0..<count).map { _ in try milliseconds { _ = try RefreshRecordDecoder.decode(body, parts: parts) } }
}

let large = SyntheticResponse.large
let small = SyntheticResponse.small
let baseline = peakResidentMB()
let cold = try milliseconds { _ = try RefreshRecordDecoder.decode(large) }
let peak = peakResidentMB()
print(String(format: "%.1f MB body, first decode of the process: %.1f ms, peak memory %.0f MB above the body in memory",
             Double(large.count) / 1_000_000, cold, peak - baseline))
report("large body", try decodeTimes(large, count: 50), unit: "ms", scale: 1)
report("large body, posts' figures only (a comparison)", try decodeTimes(large, count: 50, parts: .postFigures),
       unit: "ms", scale: 1)
report("\(small.count / 1000) KB body", try decodeTimes(small, count: 20_000), unit: "µs", scale: 1000)

// A body whose 20,000 posts each hold an alternative key that cannot be read (`views_count`, set aside since
// `views` is there): reading it must stay linear in its size.
let setAside = Data(
    (#"{"request_id":"x","response":{"posts":{"video_posts":["#
        + Array(repeating: #"{"caption":"c","views":1,"views_count":"abc"}"#, count: 20_000).joined(separator: ",")
        + #"]}},"status":{"code":200,"message":"success"}}"#).utf8)
report("\(setAside.count / 1000) KB body of 20,000 posts with an alternative key set aside",
       try decodeTimes(setAside, count: 20), unit: "ms", scale: 1)

// A helper process for the store's tests: writes to a store and prints one line
// after each write has committed, so a test can kill it mid-way or run two at once.
//
//   StoreProbe PATH requests PREFIX COUNT   records COUNT submitted requests PREFIX-0, PREFIX-1, …
//   StoreProbe PATH errors ID COUNT         records COUNT poll errors on request ID (a read-modify-write)
//   StoreProbe PATH intents PREFIX COUNT MS records COUNT intents to submit PREFIX_0000, PREFIX_0001, … one every
//                                           MS milliseconds (a change for other processes to see; the benchmark of
//                                           the change feed uses it)
import Foundation
import RefreshAPI
import RefreshStore
import RefreshTestSupport
import RefreshTracking

let arguments = CommandLine.arguments

/// Writes a line at once, unbuffered, so that the reader sees each commit as it happens.
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

guard (5...6).contains(arguments.count), let count = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: StoreProbe PATH requests|errors|intents NAME COUNT [MS]\n".utf8))
    exit(2)
}
let holder = LeaseHolder.thisProcess()
do {
    let store = try RefreshStore(url: URL(fileURLWithPath: arguments[1]))
    let target = try RefreshTarget(type: .instagram, value: "probe")
    for index in 0..<count {
        switch arguments[2] {
        case "requests":
            let id = "\(arguments[3])-\(index)"
            let local = try await store.recordIntent(target, at: Date(), holder: holder, leaseUntil: Date() + 60)
            try await store.recordSubmission(
                local,
                RefreshRecord(
                    requestID: RequestID(id), request: EchoedRequest(target),
                    status: RefreshStatus(code: 201, message: "pending")),
                holder: nil, leaseUntil: nil)
            report(id)
        case "intents":
            let name = "\(arguments[3])_\(String(format: "%04d", index))"
            let now = Date()
            _ = try await store.recordIntent(
                RefreshTarget(uncheckedType: .instagram, value: name), at: now, holder: holder, leaseUntil: now + 3600)
            report(name)
            try await Task.sleep(for: .milliseconds(Int(arguments.count > 5 ? arguments[5] : "0") ?? 0))
        default:
            try await store.recordError(RequestID(arguments[3]), "poll \(index) failed", gaveUp: false, nextPollAt: nil)
            report(String(index))
        }
    }
} catch {
    FileHandle.standardError.write(Data("StoreProbe: \(error)\n".utf8))
    exit(1)
}

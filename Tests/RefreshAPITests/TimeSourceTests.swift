import Foundation
import RefreshAPI
import Testing

@Suite("The real clock")
struct TimeSourceTests {
    /// Any deadline converts: an infinite or very far one sleeps until cancelled, and nothing traps. (Seconds
    /// from now are the arguments: Foundation cannot describe an infinite date.)
    @Test(arguments: [TimeInterval.infinity, 1e308, 3e9])
    func farDeadlinesSleepUntilCancelled(secondsFromNow: TimeInterval) async {
        let deadline = Date(timeIntervalSinceNow: secondsFromNow)
        let sleeper = Task { try await SystemTimeSource().sleep(until: deadline) }
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
    }

    @Test(arguments: [-TimeInterval.infinity, -1e308, TimeInterval.nan])
    func pastOrMeaninglessDeadlinesReturnAtOnce(secondsFromNow: TimeInterval) async throws {
        try await SystemTimeSource().sleep(until: Date(timeIntervalSinceNow: secondsFromNow))
    }
}

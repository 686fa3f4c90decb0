import Foundation
import RefreshAPI
import RefreshSimulator
import Testing

@Suite("Faults, seen from the client")
struct FaultTests {
    @Test(arguments: ["ratelimit_a", "flaky_b", "truncated_c", "dropped_d"])
    func passingFaultsAreRetriedAndRecovered(handle: String) async throws {
        let record = try await withSimulator { try await $0.refresh(Targets.instagram(handle)) }
        #expect(record.state == .succeeded)
        #expect(record.response?.profileOverview != nil)
    }

    @Test func malformedBodyIsAClearError() async throws {
        try await withSimulator { simulator in
            let client = simulator.client()
            let submitted = try await client.submit(Targets.instagram("malformed_e"))
            await #expect {
                try await client.fetch(submitted.requestID)
            } throws: { error in
                "\(error)".contains("not valid JSON")
            }
        }
    }

    @Test func slowAnswersArriveAndTimeoutsEndThem() async throws {
        var faults = FaultSettings()
        faults.slowDelay = 1  // ten times the impatient client's time-out: a loaded machine stays on the right side of it
        try await withSimulator(faults: faults) { simulator in
            let record = try await simulator.refresh(Targets.instagram("slow_f"))
            #expect(record.state == .succeeded)
            let impatient = simulator.client(transport: URLSessionTransport(timeouts: .init(idle: 0.1, total: 0.1)))
            await #expect {
                try await impatient.fetch(try await simulator.client().submit(Targets.instagram("slow_g")).requestID)
            } throws: { error in
                guard case .serverUnavailable(let attempts, _) = error as? RefreshClientError else { return false }
                return attempts == 4
            }
        }
    }

    @Test func hugeResponseIsDecoded() async throws {
        let record = try await withSimulator { try await $0.refresh(Targets.instagram("huge_h")) }
        #expect(record.response?.posts?.all.count == 20_000)
    }

    @Test func oversizedResponseHitsTheClientsCap() async throws {
        try await withSimulator(postCount: 5_000) { simulator in
            let client = simulator.client(transport: URLSessionTransport(maxResponseBytes: 1_048_576))
            let submitted = try await simulator.client().submit(Targets.instagram("big"))
            await #expect {
                try await client.fetch(submitted.requestID)
            } throws: { error in
                "\(error)".contains("larger than 1 MB")
            }
        }
    }

    @Test func serverErrorsOnEveryAnswerEndInServerUnavailable() async throws {
        try await withSimulator(faults: try FaultSettings(parsing: "server-error:1")) { simulator in
            await #expect {
                try await simulator.client().fetch("0123456789abcdef01234567")
            } throws: { error in
                guard case .serverUnavailable(attempts: 4, _) = error as? RefreshClientError else { return false }
                return true
            }
        }
    }

    @Test func droppedSubmissionIsOutcomeUnknown() async throws {
        try await withSimulator(faults: try FaultSettings(parsing: "drop:1")) { simulator in
            await #expect {
                try await simulator.client().submit(Targets.instagram("x"))
            } throws: { error in
                guard case .outcomeUnknown = error as? RefreshClientError else { return false }
                return true
            }
        }
    }

    @Test func rateLimitedSubmissionIsRetriedThenReported() async throws {
        try await withSimulator(faults: try FaultSettings(parsing: "rate-limit:1")) { simulator in
            await #expect(throws: RefreshClientError.rateLimited(retryAfter: 1)) {
                try await simulator.client().submit(Targets.instagram("x"))
            }
        }
    }

    @Test func faultListsAreParsedWithClearErrors() throws {
        let settings = try FaultSettings(parsing: "rate-limit:0.2,slow")
        #expect(settings.probabilities == [.rateLimit: 0.2, .slow: 0.1])
        #expect(throws: SimulatorSettingsError.self) { try FaultSettings(parsing: "teapot") }
        #expect(throws: SimulatorSettingsError.self) { try FaultSettings(parsing: "drop:2") }
        #expect(try SimulatorSettings.processingTime(parsing: "0.5-3") == 0.5...3)
        #expect(throws: SimulatorSettingsError.self) { try SimulatorSettings.processingTime(parsing: "3-1") }
    }
}

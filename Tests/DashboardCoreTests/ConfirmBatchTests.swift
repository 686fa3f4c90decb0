import Foundation
import RefreshAPI
import RefreshTracking
import Testing

@testable import DashboardCore

/// A batch of refreshes larger than the threshold asks first, saying its price; nothing is sent without a yes.
@Suite("Costly refreshes confirmed")
struct ConfirmBatchTests {
    let reducer = DashboardReducer()

    /// The Creators tab with `count` creators, all marked.
    func markedCreators(_ count: Int) -> DashboardState {
        var state = DashboardFixtures.state(width: 120, height: 40)
        let rows = (0..<count).map { index in
            CreatorRow(id: Int64(index + 1), platform: .instagram, key: "creator\(index)", handle: "creator\(index)",
                lastRefreshedAt: DashboardFixtures.now - Double(index))
        }
        _ = reducer.reduce(&state, .creatorsLoaded(rows))
        _ = reducer.reduce(&state, .key(.tab))
        _ = reducer.reduce(&state, .key(.character("*")))
        return state
    }

    @Test func aBatchAtTheThresholdIsSentAtOnce() {
        var state = markedCreators(20)
        let effects = reducer.reduce(&state, .key(.character("r")))
        guard case .submitMany(let targets, let join)? = effects.first else {
            Issue.record("expected a submission, got \(effects)")
            return
        }
        #expect(targets.count == 20)
        #expect(join == .standard)
    }

    @Test func aLargerBatchAsksWithItsPriceAndEscSendsNothing() {
        var state = markedCreators(25)
        let effects = reducer.reduce(&state, .key(.character("r")))
        guard case .priceBatch(let plan)? = effects.first else {
            Issue.record("expected the price to be read, got \(effects)")
            return
        }
        #expect(plan.targets.count == 25)
        #expect(plan.what == "the marked creators")
        _ = reducer.reduce(&state, .batchPriced(plan, BulkPrice(new: 20, fresh: 3, underWay: 2)))
        let text = DashboardView().render(state).text
        #expect(text.contains("Refresh the marked creators: 25 creators?"), "\(text)")
        #expect(text.contains("20 new requests, each costing quota; 3 fresh, 2 under way joined."))
        #expect(text.contains("y or Y sends them, f or F sends the fresh ones again too, Esc, n or q sends nothing."), "\(text)")
        #expect(reducer.reduce(&state, .key(.escape)).isEmpty)
        #expect(state.overlay == nil)
        #expect(DashboardView().render(state).text.contains("Sent nothing."))
    }

    @Test func yesSendsJoiningTheFreshAndForceSendsThemAgain() {
        var state = markedCreators(25)
        guard case .priceBatch(let plan)? = reducer.reduce(&state, .key(.character("r"))).first else { return }
        _ = reducer.reduce(&state, .batchPriced(plan, BulkPrice(new: 20, fresh: 3, underWay: 2)))
        #expect(reducer.reduce(&state, .key(.character("y"))) == [.submitMany(plan.targets, join: .standard)])
        #expect(DashboardView().render(state).text.contains("Refreshing the marked creators (20 new)…"))
        _ = reducer.reduce(&state, .batchPriced(plan, BulkPrice(new: 20, fresh: 3, underWay: 2)))
        #expect(reducer.reduce(&state, .key(.character("f"))) == [.submitMany(plan.targets, join: .underWayOrFresh(freshFor: 0))])
    }

    @Test func withNothingFreshForceIsNotOfferedAndAnyOtherKeySendsNothing() {
        var state = markedCreators(25)
        guard case .priceBatch(let plan)? = reducer.reduce(&state, .key(.character("r"))).first else { return }
        _ = reducer.reduce(&state, .batchPriced(plan, BulkPrice(new: 25, fresh: 0, underWay: 0)))
        let text = DashboardView().render(state).text
        #expect(text.contains("25 new requests, each costing quota."))
        #expect(!text.contains("fresh ones") && !text.contains("joined"))
        #expect(reducer.reduce(&state, .key(.character("f"))).isEmpty)
        #expect(state.overlay == nil)
    }

    @Test func theThresholdIsASetting() {
        var state = markedCreators(5)
        state.shared.settings.confirmAbove = 3
        guard case .priceBatch? = reducer.reduce(&state, .key(.character("r"))).first else {
            Issue.record("a batch of 5 above a threshold of 3 asks")
            return
        }
    }
}

@Suite("The price of a batch")
struct BulkPriceTests {
    @Test func newFreshAndUnderWayAreCountedOnceEach() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        func request(_ value: String, _ state: TrackedState, finished: Date? = nil) -> TrackedRequest {
            var request = TrackedRequest(
                id: 1, requestID: value, requestType: "instagram", targetValue: value, state: state, submittedAt: now - 7_200)
            request.finishedAt = finished
            return request
        }
        let requests = [
            request("fresh", .succeeded, finished: now - 600), request("old", .succeeded, finished: now - 7_000),
            request("pending", .pending), request("failed", .failed, finished: now - 60),
        ]
        let targets = try ["fresh", "old", "pending", "failed", "new", "new", "FRESH"].map {
            try RefreshTarget(type: .instagram, value: $0)
        }
        #expect(BulkPrice.of(targets, requests: requests, join: .standard, now: now) == BulkPrice(new: 3, fresh: 1, underWay: 1))
        #expect(BulkPrice.of(targets, requests: requests, join: .never, now: now) == BulkPrice(new: 5, fresh: 0, underWay: 0))
    }
}

@Suite("Exporting what is shown")
struct ExportCreatorsTests {
    let reducer = DashboardReducer()

    @Test func eWritesEveryCreatorTheQueryShowsNotJustThePage() {
        var state = DashboardFixtures.state(width: 120, height: 12)
        let rows = (0..<50).map { (index: Int) -> CreatorRow in
            let platform: Platform = index % 2 == 0 ? .instagram : .youtube
            return CreatorRow(
                id: Int64(index + 1), platform: platform, key: "creator\(index)", handle: "creator\(index)",
                lastRefreshedAt: DashboardFixtures.now - Double(index))
        }
        _ = reducer.reduce(&state, .creatorsLoaded(rows))
        _ = reducer.reduce(&state, .key(.tab))
        _ = reducer.reduce(&state, .key(.character("/")))
        for character in "platform:yt" { _ = reducer.reduce(&state, .key(.character(character))) }
        _ = reducer.reduce(&state, .key(.enter))
        let effects = reducer.reduce(&state, .key(.character("e")))
        guard case .exportCreators(let name, let listings)? = effects.first else {
            Issue.record("expected an export, got \(effects)")
            return
        }
        #expect(name == "creators")
        #expect(listings.count == 25, "every creator shown, beyond the screen's page")
        #expect(listings.allSatisfy { $0.creator.platform == "youtube" })
    }
}

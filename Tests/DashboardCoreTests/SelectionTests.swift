@testable import DashboardCore
import Foundation
import RefreshAPI
import Testing

@Suite("The selection as requests arrive")
struct SelectionTests {
    let reducer = DashboardReducer()

    static func row(_ id: Int64, secondsAgo: Double) -> RequestRow {
        RequestRow(id: id, type: .instagram, target: "creator\(id)", phase: .pending, submittedAt: DashboardFixtures.now - secondsAgo)
    }

    @Test func itStaysOnTheTopRowUntilThePersonMovesItThenFollowsTheirRequest() {
        var state = DashboardFixtures.state(width: 120, height: 40)
        state.load([Self.row(1, secondsAgo: 30)])
        for id in Int64(2)...5 { _ = reducer.reduce(&state, .updated([Self.row(id, secondsAgo: 30 - Double(id))])) }
        #expect(state.requests.selection == 0 && state.selectedRow?.id == 5, "newest first, and the selection on the newest")
        _ = reducer.reduce(&state, .key(.down))
        let chosen = state.selectedRow?.id
        _ = reducer.reduce(&state, .updated([Self.row(6, secondsAgo: 1)]))
        #expect(state.selectedRow?.id == chosen, "once moved, it stays on the request the person chose")
        #expect(state.requests.selection == 2)
    }
}

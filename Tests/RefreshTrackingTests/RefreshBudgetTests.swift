import Foundation
import RefreshTracking
import Testing

@Suite("Budgets of paid refreshes")
struct RefreshBudgetTests {
    @Test(arguments: [
        ("500/day", "500/day"), ("50/h", "50/hour"), (" 2000 / week ", "2000/week"), ("0/d", "0/day"), ("7/W", "7/week"),
    ])
    func aBudgetIsReadAndWrittenBackInOneForm(text: String, written: String) throws {
        #expect(try RefreshBudget(parsing: text).description == written)
    }

    @Test(arguments: ["", "500", "500/month", "-1/day", "lots/day", "5/day/extra", "99999999999/day"])
    func anythingElseIsRefusedSayingHowToWriteOne(text: String) {
        #expect(throws: RefreshBudgetError.self) { try RefreshBudget(parsing: text) }
    }

    @Test func periodsAreUTCHoursDaysAndWeeksFromMonday() throws {
        // Wednesday 2026-12-09 15:42:10 UTC.
        let date = Date(timeIntervalSince1970: 1_796_830_930)
        let hour = RefreshBudget(limit: 1, period: .hour), day = RefreshBudget(limit: 1, period: .day)
        let week = RefreshBudget(limit: 1, period: .week)
        #expect(hour.periodStart(containing: date) == Date(timeIntervalSince1970: 1_796_828_400))
        #expect(day.periodStart(containing: date) == Date(timeIntervalSince1970: 1_796_774_400))
        let monday = Date(timeIntervalSince1970: 1_796_601_600)
        #expect(week.periodStart(containing: date) == monday, "Monday 2026-12-07 00:00 UTC")
        #expect(week.periodStart(containing: monday) == monday, "a period holds its own start")
        #expect(week.periodStart(containing: monday - 1) == monday - 7 * 86_400, "Sunday night is the week before")
        #expect(week.nextPeriodStart(after: date) == monday + 7 * 86_400)
    }
}

@testable import DashboardCore
import Testing

@Suite("Sorting by a column's keys")
struct SortKeyTests {
    @Test func numbersSortWithNothingFirstAndTiesInTheOrderGiven() {
        let keys: [SortKey] = [.number(3), .none, .number(-1.5), .number(3), .number(10), .none]
        #expect(SortKey.order([10, 11, 12, 13, 14, 15], by: keys, ascending: true) == [11, 15, 12, 10, 13, 14])
        #expect(
            SortKey.order([10, 11, 12, 13, 14, 15], by: keys, ascending: false) == [14, 10, 13, 12, 11, 15],
            "the other way round, ties still in the order given")
    }

    @Test func wordsSortAfterNumbersWhateverTheirCase() {
        let keys: [SortKey] = [.text("beta"), .number(2), .text("Alpha"), .text(nil), .text("")]
        #expect(SortKey.order([0, 1, 2, 3, 4], by: keys, ascending: true) == [3, 4, 1, 2, 0])
    }
}

import Terminal
import Testing

@Suite("Mouse reports")
struct MouseReportTests {
    /// The scalars after the ESC of a report.
    static func after(_ text: String) -> [Unicode.Scalar] {
        Array(text.unicodeScalars)
    }

    @Test(arguments: [
        ("[<0;10;5M", MouseEvent.Action.press(1), 9, 4), ("[<2;1;1M", .press(3), 0, 0), ("[<0;10;5m", .release, 9, 4),
        ("[<64;200;60M", .wheelUp, 199, 59), ("[<65;300;80M", .wheelDown, 299, 79), ("[<16;3;4M", .press(1), 2, 3),
    ])
    func reportsAreReadWhateverTheColumn(text: String, action: MouseEvent.Action, x: Int, y: Int) throws {
        let report = try #require(MouseReport.parse(Self.after(text + "jk")))
        #expect(report.event == MouseEvent(action: action, x: x, y: y))
        #expect(report.length == text.unicodeScalars.count, "the keys after the report are left")
    }

    @Test func motionIsReadAndDropped() throws {
        let report = try #require(MouseReport.parse(Self.after("[<32;5;5M")))
        #expect(report.event == nil && report.length == 9)
    }

    @Test(arguments: ["[A", "[<0;10M", "[<0;10;5", "[<0;0;5M", "[<a;1;1M", "[<0;1;1;1M", "", "[<99999999;1;1M"])
    func whatIsNoWholeReportIsLeftAlone(text: String) {
        #expect(MouseReport.parse(Self.after(text)) == nil)
    }
}

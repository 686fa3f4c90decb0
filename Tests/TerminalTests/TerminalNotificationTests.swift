import Terminal
import Testing

@Suite("The bell and desktop notifications")
struct TerminalNotificationTests {
    @Test func theBellAloneOrWithOSC9OrOSC777() {
        #expect(TerminalNotification.sequence("done", escape: nil, insideTmux: false) == "\u{07}")
        #expect(TerminalNotification.sequence("done", escape: .osc9, insideTmux: false) == "\u{07}\u{1B}]9;done\u{07}")
        #expect(
            TerminalNotification.sequence("done", escape: .osc777, insideTmux: false)
                == "\u{07}\u{1B}]777;notify;ylytic;done\u{07}")
    }

    @Test func insideTmuxTheEscapeIsWrappedAndTheBellIsNot() {
        #expect(
            TerminalNotification.sequence("done", escape: .osc9, insideTmux: true)
                == "\u{07}\u{1B}Ptmux;\u{1B}\u{1B}]9;done\u{07}\u{1B}\\")
    }

    @Test func textCannotEndTheEscapeOrStartAnother() {
        let sent = TerminalNotification.sequence("a\u{07}b\u{1B}]52;c;x\u{9C};d", escape: .osc777, insideTmux: false)
        #expect(sent == "\u{07}\u{1B}]777;notify;ylytic;ab]52cxd\u{07}")
    }
}

@testable import Terminal
import Testing
import TextGrid

@Suite("Colours on terminals with 8, 16, 256 and 24-bit colours")
struct ColorNumbersTests {
    @Test func eachTerminalGetsTheNearestColourItHas() {
        let orange = TerminalColor.rgb(255, 135, 0)
        #expect(ColorNumbers.number(orange, colors: ColorNumbers.directColors) == 0xFF8700, "direct colour: the colour itself")
        #expect(ColorNumbers.number(orange, colors: 256) == 208, "xterm's palette has it exactly")
        #expect(ColorNumbers.number(.rgb(0, 0x5F, 0x87), colors: 256) == 24)
        #expect(ColorNumbers.number(orange, colors: 16) == 3, "yellow is nearest among sixteen, by xterm's values")
        #expect(ColorNumbers.number(orange, colors: 8) == 3, "yellow among eight")
        #expect(ColorNumbers.number(.indexed(196), colors: 256) == 196)
        #expect(ColorNumbers.number(.indexed(196), colors: 16) == 9, "palette red on sixteen colours is bright red")
        #expect(ColorNumbers.number(.indexed(244), colors: 8) == 0 || ColorNumbers.number(.indexed(244), colors: 8) == 7)
        #expect(ColorNumbers.number(.brightRed, colors: 8) == 1, "bright colours fold onto the eight")
        #expect(ColorNumbers.number(.brightRed, colors: 16) == 9)
        #expect(ColorNumbers.number(.default, colors: 256) == -1)
    }
}

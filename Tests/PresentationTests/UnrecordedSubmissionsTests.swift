import Presentation
import RefreshAPI
import Testing

@Suite("Requests sent whose ids the store never took")
struct UnrecordedSubmissionsTests {
    @Test func theSentenceNamesEachIdAndTheCommandThatFollowsThemAll() {
        let sentence = UnrecordedSubmissions.sentence(["65b87c8576c9b42b3a285805", "65b87c8576c9b42b3a285806"])
        #expect(sentence.hasPrefix("sent as 65b87c8576c9b42b3a285805, 65b87c8576c9b42b3a285806, but the store could not record them"))
        #expect(sentence.contains("ylytic watch 65b87c8576c9b42b3a285805 65b87c8576c9b42b3a285806 once the store is back"))
        #expect(UnrecordedSubmissions.sentence(["r1"]).contains("could not record it;"))
    }

    @Test func anIdFromTheServerReachesTheTerminalOnlyAsVisibleText() {
        let sentence = UnrecordedSubmissions.sentence([RequestID("r1\u{1B}[2J")])
        #expect(!sentence.unicodeScalars.contains { $0.value < 0x20 }, "no control character: \(sentence)")
        #expect(sentence.hasPrefix("sent as r1, but"), "the escape sequence is taken out whole: \(sentence)")
    }
}

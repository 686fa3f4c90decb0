import DashboardCore
import Foundation
import RefreshAPI
import Testing
import TextGrid

/// Creators are largely Indian: names and captions in Devanagari, Tamil, Bengali, Telugu and
/// Gurmukhi, besides Thai, Arabic, CJK and emoji. Every letter must reach the screen.
@Suite("Text in every script")
struct ScriptsScreenTests {
    let reducer = DashboardReducer()

    static func response() throws -> RefreshRecord {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/scripts-get-response.json")
        return try RefreshRecordDecoder.decode(try Data(contentsOf: url))
    }

    static let captions = [
        "नमस्ते दोस्तों! आज का वीडियो देखिए", "வணக்கம் நண்பர்களே, புதிய பதிவு", "নমস্কার বন্ধুরা, নতুন ভিডিও",
        "నమస్కారం స్నేహితులారా", "ਸਤਿ ਸ੍ਰੀ ਅਕਾਲ ਦੋਸਤੋ", "สวัสดีครับ เพื่อนๆ", "مرحبا بالعالم",
        "你好世界 こんにちは 안녕하세요", "Mi familia 👨‍👩‍👧 👩‍💻 ❤️ 🇮🇳 👍🏽 ✨",
    ]

    @Test(arguments: [(80, 24), (120, 40)])
    func creatorPageAndPostsInEveryScript(width: Int, height: Int) throws {
        var state = DashboardFixtures.state(width: width, height: height)
        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: try Self.response())))
        let page = DashboardView().render(state)
        try DashboardFixtures.expectScreen(page.text, named: "scripts-creator-\(width)x\(height)")
        #expect(page.text.contains("राहुल शर्मा"), "the full name, every vowel sign kept")
        _ = reducer.reduce(&state, .key(.character("p")))
        let posts = DashboardView().render(state)
        try DashboardFixtures.expectScreen(posts.text, named: "scripts-posts-\(width)x\(height)")
        for line in posts.lines {
            #expect(DisplayWidth.of(line) == width, "every row is exactly as wide as the screen: \(line)")
        }
        if width >= 120 {
            for caption in Self.captions {
                #expect(posts.text.contains(caption), "caption drawn whole: \(caption)")
            }
        }
    }
}

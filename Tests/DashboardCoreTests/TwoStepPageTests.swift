import Foundation
import RefreshAPI
import RefreshTestSupport
import Testing
@testable import DashboardCore

/// A large body's creator page is drawn from its posts' figures, and their text follows: what shows meanwhile,
/// and that no key is lost or acts on a page without its text.
@Suite("Creator page read in two steps")
struct TwoStepPageTests {
    let reducer = DashboardReducer()
    /// About 1.3 MB: read in two steps.
    static let large = ManyPostsBody.make(posts: 4_000)

    private func topPostRows(_ text: String) -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let heading = lines.firstIndex(where: { $0.contains("Top posts by engagement") }) else { return [] }
        return lines[(heading + 2)...].prefix { $0.contains("video") }
    }

    @Test func aLargeBodyIsDrawnFromItsFiguresThenItsCaptionsFill() throws {
        #expect(Self.large.count >= CreatorPage.twoStepBodySize)
        let whole = try RefreshRecordDecoder.decode(Self.large)
        let page = try CreatorPage(body: Self.large)
        #expect(!page.hasPostText)
        #expect(page.record.response?.posts?.all.count == 4_000)
        #expect(page.record.response?.posts?.all.allSatisfy { $0.caption.isEmpty && $0.hashtags.isEmpty } == true)
        #expect(page.record.response?.posts?.all.map(\.likes) == whole.response?.posts?.all.map(\.likes))

        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .creatorLoaded(page))
        let first = topPostRows(DashboardView().render(state).text)
        #expect(first.count == 10, "the top posts show from the figures")
        #expect(first.allSatisfy { $0.hasSuffix("…") && !$0.contains("Caption") }, "captions to come show as an ellipsis")
        #expect(first.first?.hasPrefix("   2025-11-24  video    5.00k") == true, "the best post first: post 3999")

        _ = reducer.reduce(&state, .postTextLoaded(whole))
        #expect(state.creatorPage?.page == CreatorPage(record: whole))
        let filled = topPostRows(DashboardView().render(state).text)
        #expect(filled.first?.hasSuffix("Caption of post 3999 with some words") == true)
        #expect(filled.count == 10 && filled.allSatisfy { $0.contains("Caption of post 39") })
    }

    @Test func keysTypedBeforeTheTextArrivesWaitForItAndActOnTheWholePage() throws {
        var state = DashboardFixtures.state(width: 120, height: 40)
        _ = reducer.reduce(&state, .creatorLoaded(try CreatorPage(body: Self.large)))
        #expect(reducer.reduce(&state, .key(.character("p"))).isEmpty)
        #expect(reducer.reduce(&state, .key(.character("/"))).isEmpty)
        for character in "post 12 " { _ = reducer.reduce(&state, .key(.character(character))) }
        let waits = state.postsScreen == nil
        #expect(waits, "the posts table waits for the captions it filters")

        _ = reducer.reduce(&state, .postTextLoaded(try RefreshRecordDecoder.decode(Self.large)))
        let view = try #require(state.postsScreen)
        #expect(view.list.filter == "post 12 ")
        #expect(view.list.visible.count == 1, "only \"Caption of post 12 with…\" matches")
        #expect(view.list.selected?.post.caption == "Caption of post 12 with some words")
        #expect(!state.isAwaitingPage, "keys act at once again")
    }

    @Test func openedOnAFileTheFirstKeysWaitAndLeavingStillQuits() throws {
        var state = DashboardFixtures.state(width: 80, height: 24)
        state.start(on: Screen.opening(try CreatorPage(body: Self.large), postsSort: DashboardSettings().postsSort))
        #expect(reducer.reduce(&state, .key(.character("j"))).isEmpty)
        #expect(reducer.reduce(&state, .key(.character("q"))).isEmpty, "q waits with the keys before it")
        #expect(state.creatorPage?.scroll.first == 0)
        let effects = reducer.reduce(&state, .postTextLoaded(try RefreshRecordDecoder.decode(Self.large)))
        #expect(effects == [.quit])
        #expect(state.creatorPage?.scroll.first == 1)
        #expect(state.creatorPage?.page.hasPostText == true)
    }

    @Test func ctrlCQuitsWhileTheTextIsRead() throws {
        var state = DashboardFixtures.state(width: 120, height: 40)
        state.start(on: Screen.opening(try CreatorPage(body: Self.large), postsSort: DashboardSettings().postsSort))
        #expect(reducer.reduce(&state, .key(.control("c"))) == [.quit])
    }

    @Test func smallBodiesAndSinglePostsAreReadWhole() throws {
        let small = try Samples.fixture("spec-get-response")
        let page = try CreatorPage(body: small)
        #expect(page.hasPostText)
        #expect(page == CreatorPage(record: try RefreshRecordDecoder.decode(small)))

        let post = ManyPostsBody.make(posts: 4_000, type: .instagramPost, value: "DHGIoX0y3f3")
        #expect(post.count >= CreatorPage.twoStepBodySize)
        let postPage = try CreatorPage(body: post)
        #expect(postPage.hasPostText, "a refresh of one post opens on the post, caption and all")
        #expect(postPage.record.response?.posts?.all.first?.caption == "Caption of post 0 with some words")
    }

    @Test func aLargeBodyTheWholeReadingRefusesIsRefusedWithTheSameError() throws {
        var text = String(decoding: Self.large, as: UTF8.self)
        text = text.replacingOccurrences(of: "Caption of post 3998 ", with: "Caption of post\u{01}3998 ")
        let body = Data(text.utf8)
        let whole = Result { () throws(ResponseUnreadable) in try RefreshRecordDecoder.decode(body) }
        let page = Result { () throws(ResponseUnreadable) in try CreatorPage(body: body) }
        guard case .failure(let expected) = whole, case .failure(let error) = page else {
            Issue.record("a control character in a caption is refused by both readings")
            return
        }
        #expect(error == expected)
        #expect(error.description.contains("video_posts[3998].caption"))
    }

    @Test func theTextOfAnotherRequestChangesNothing() throws {
        var page = try CreatorPage(body: Self.large)
        let other = try RefreshRecordDecoder.decode(ManyPostsBody.make(posts: 3, requestID: "another"))
        page.takePostText(from: other)
        #expect(!page.hasPostText)
        #expect(page.record.requestID == "65b87c8576c9b42b3a2858ff")
    }
}

import Foundation
import Testing
@testable import RefreshAPI
import RefreshTestSupport

/// Reading a body for its posts' figures gives the whole record with the posts' text left empty, and refuses
/// exactly the bodies the whole reading refuses, with the same error.
@Suite("Reading only the posts' figures")
struct PostFiguresTests {
    private typealias Outcome = Result<RefreshRecord, ResponseUnreadable>

    private func outcome(_ body: Data, _ parts: RefreshRecordDecoder.Parts) -> Outcome {
        Result { () throws(ResponseUnreadable) in try RefreshRecordDecoder.decode(body, parts: parts) }
    }

    /// The whole record as the figures-only reading gives it: every post's text emptied, text that was there
    /// (an image address) kept as empty text.
    private func withoutText(_ outcome: Outcome) -> Outcome {
        outcome.map { record in
            var record = record
            if var posts = record.response?.posts {
                for index in posts.video.indices { posts.video[index].emptyText() }
                for index in posts.nonVideo.indices { posts.nonVideo[index].emptyText() }
                record.response?.posts = posts
            }
            return record
        }
    }

    private func expectSame(_ body: Data, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let figures = outcome(body, .postFigures), whole = withoutText(outcome(body, .whole))
        #expect(figures == whole, "\(label): \(String(decoding: body, as: UTF8.self))", sourceLocation: sourceLocation)
    }

    @Test func everyFixtureGivesTheWholeRecordWithoutThePostsText() throws {
        let folder = Samples.fixtureURL("spec-get-response").deletingLastPathComponent()
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".json") {
            expectSame(try Data(contentsOf: folder.appendingPathComponent(file)), file)
        }
    }

    @Test func generatedAndMutatedBodiesGiveTheSameRecordOrTheSameError() {
        var generator = BodyGenerator(seed: 30_112_026)
        var random = SplitMix64(seed: 5)
        var withPosts = 0
        for index in 0..<4_000 {
            var bytes = Array(generator.body().utf8)
            if index % 2 == 1 {
                for _ in 0...random.below(3) { Mutation.apply(&bytes, &random) }
            }
            expectSame(Data(bytes), "body \(index)")
            if case .success(let record) = outcome(Data(bytes), .postFigures), record.response?.posts?.all.isEmpty == false {
                withPosts += 1
            }
        }
        #expect(withPosts > 250, "many bodies are read with posts, so that figures are compared, not only refusals")
    }

    @Test func textIsCheckedAsTheWholeReadingChecksIt() {
        func body(_ post: String) -> Data {
            Data(#"{"request_id":"r","response":{"posts":{"video_posts":[\#(post)]}}}"#.utf8)
        }
        // A control character in a caption, a list for a caption, an object among the hashtags.
        for post in ["{\"caption\":\"a\u{01}b\"}", #"{"caption":["a"]}"#, ##"{"hashtags":["#a",{"b":1}]}"##] {
            let figures = outcome(body(post), .postFigures)
            #expect(figures == outcome(body(post), .whole))
            #expect(figures.failureReason != nil, "\(post)")
        }
        let kept = try? outcome(body(#"{"caption":7,"likes_count":"1,200","raw_image_url":"https://x"}"#), .postFigures).get()
        let post = kept?.response?.posts?.video.first
        #expect(post?.caption == "" && post?.imageURL == "" && post?.likes == 1_200)
    }
}

extension Post {
    /// The post as read for its figures only.
    mutating func emptyText() {
        caption = ""
        hashtags = []
        externalLinks = []
        imageURL = imageURL.map { _ in "" }
    }
}

extension Result where Success == RefreshRecord, Failure == ResponseUnreadable {
    var failureReason: String? {
        if case .failure(let error) = self { error.reason } else { nil }
    }
}

import Foundation
import Testing
@testable import RefreshAPI
import RefreshTestSupport

@Suite("The byte-level reader of response bodies")
struct JSONReaderTests {
    private func record(_ body: [UInt8]) throws -> RefreshRecord {
        try RefreshRecordDecoder.decode(Data(body))
    }

    private func name(_ text: String) throws -> String? {
        try record(Array(#"{"request_id":"a","response":{"profile_details":{"full_name":""#.utf8) + Array(text.utf8) + Array(#""}}}"#.utf8))
            .response?.profileDetails?.fullName
    }

    @Test func escapesAndSurrogatePairsAreUnescaped() throws {
        #expect(try name(#"caf\u00e9 \ud83d\ude00 \"q\" \/ \n\t"#) == "café 😀 \"q\" / \n\t")
    }

    @Test func loneSurrogatesAndInvalidUTF8BecomeReplacementCharacters() throws {
        #expect(try name(#"a\ud800b"#) == "a\u{FFFD}b")
        #expect(try name(#"a\udc00b"#) == "a\u{FFFD}b")
        #expect(try name(#"\ud83d\u0041"#) == "\u{FFFD}A", "a high surrogate before another escape")
        let invalid = Array(#"{"request_id":"a","response":{"profile_details":{"full_name":"x"#.utf8) + [0xFF, 0xC3]
            + Array(#"y"}}}"#.utf8)
        #expect(try record(invalid).response?.profileDetails?.fullName == "x\u{FFFD}\u{FFFD}y")
    }

    @Test func errorsNameThePathAndTheByteOffset() {
        let body = Array(#"{"request_id":"a","response":{"posts":{"video_posts":[{"likes_count":true}]}}}"#.utf8)
        #expect {
            try record(body)
        } throws: { error in
            let problem = try #require(error as? ResponseUnreadable)
            return problem.path == "response.posts.video_posts[0].likes_count" && problem.offset == 69
                && problem.description.hasSuffix("(byte 69)")
        }
        #expect {
            try record(Array(#"{"request_id":"a", "x": [1, 2}"#.utf8))
        } throws: { error in
            (error as? ResponseUnreadable)?.description
                == "the response could not be read at x[1]: the body is not valid JSON: unexpected '}' (byte 29)"
        }
    }

    /// Found by the fuzzer: a skipped text whose last byte is a backslash was reported one byte past the body.
    @Test func aBodyEndingInsideTextIsReportedAtItsEnd() {
        for ending in [#"\"#, #"\\\"#, #"ab"#, #"\u12"#] {
            let body = Array(#"{"request_id":"x","unknown":[{"2"#.utf8) + Array(ending.utf8)
            #expect {
                try record(body)
            } throws: { error in
                let problem = try #require(error as? ResponseUnreadable)
                return problem.offset.map { $0 <= body.count } == true && problem.description.contains("text")
            }
        }
    }

    @Test func nestingDeeperThanTheLimitIsRefusedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect {
            try record(Array(#"{"request_id":"a","x":\#(deep)}"#.utf8))
        } throws: { error in
            "\(error)".contains("nested deeper than 512 levels")
        }
    }

    @Test func whatFoundationAcceptsIsAcceptedToo() throws {
        #expect(try record([0xEF, 0xBB, 0xBF] + Array(#"{"request_id":"a",}"#.utf8)).requestID == "a", "a byte-order mark, a trailing comma")
        #expect(try record(Array(#"{"request_id":"a","x":[1,2,],"y":"\x\u0001"}"#.utf8)).requestID == "a")
        #expect(try record(Array(#"{"request_id":"a","request_id":"b"}"#.utf8)).requestID == "a", "the first of two keys")
    }

    @Test func numbersOutOfADoublesRangeAreRefusedWhereTheyAreRead() throws {
        #expect(try record(Array(#"{"request_id":"a","x":1e400}"#.utf8)).requestID == "a", "not read, not refused")
        for number in ["1e400", "1e-400", "-1e999"] {
            #expect(throws: ResponseUnreadable.self) {
                try record(Array(#"{"request_id":"a","response":{"profile_overview":{"engagement":\#(number)}}}"#.utf8))
            }
        }
        let zero = try record(Array(#"{"request_id":"a","response":{"profile_overview":{"engagement":0e-400}}}"#.utf8))
        #expect(zero.response?.profileOverview?.engagement == 0)
    }
}

@Suite("Reading an answer without its posts")
struct PartialReadingTests {
    @Test func withoutPostsEverythingButThePostsIsBuilt() throws {
        let body = try Samples.fixture("spec-get-response")
        var whole = try RefreshRecordDecoder.decode(body)
        let partial = try RefreshRecordDecoder.decode(body, parts: .withoutPosts)
        #expect(whole.response?.posts != nil)
        #expect(partial.response?.posts == nil)
        whole.response?.posts = nil
        #expect(partial == whole)
    }

    @Test func postsThatAreNotJSONAreRefusedEvenWhenNotBuilt() {
        let body = Data(#"{"request_id":"a","response":{"posts":{"video_posts":[1,}}}"#.utf8)
        #expect(throws: ResponseUnreadable.self) { try RefreshRecordDecoder.decode(body, parts: .withoutPosts) }
    }
}

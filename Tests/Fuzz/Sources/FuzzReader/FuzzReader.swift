import Foundation
import FuzzEntry
import RefreshAPI

/// Any bytes as a response body: the reader either gives a model or an error, never a crash, a hang or a read
/// outside the body (AddressSanitizer watches); the same bytes always give the same answer, trends come sorted
/// by date, reading without the posts gives the same record but for them, reading only the posts' figures gives
/// the same record with the posts' text empty (or the same error), text is valid UTF-8, and an error's offset is
/// in the body.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(bytes: data, count: size)
    let first = Result { try RefreshRecordDecoder.decode(body) }
    let second = Result { try RefreshRecordDecoder.decode(body) }
    let figures = Result { try RefreshRecordDecoder.decode(body, parts: .postFigures) }
    switch (first, figures) {
    case (.success(let record), .success(let figures)):
        var record = record
        if let posts = record.response?.posts {
            record.response?.posts = Posts(video: withoutText(posts.video), nonVideo: withoutText(posts.nonVideo))
        }
        guard record == figures else { fatalError("reading only the posts' figures gave another record") }
    case (.failure(let error), .failure(let again)):
        guard "\(error)" == "\(again)" else { fatalError("reading only the posts' figures gave another error") }
    default:
        fatalError("reading only the posts' figures read a body the whole reading refused, or the other way round")
    }
    switch (first, second) {
    case (.success(let record), .success(let again)):
        guard record == again else { fatalError("the same body read twice gave two records") }
        for series in [record.response?.growthTrends?.followers ?? [], record.response?.growthTrends?.engagement ?? []] {
            guard zip(series, series.dropFirst()).allSatisfy({ $0.date <= $1.date }) else { fatalError("unsorted trend") }
        }
        // Text made from checked bytes without the standard library's own check must be valid UTF-8.
        let posts = (record.response?.posts?.all ?? [])
        let texts = posts.flatMap { [$0.caption, $0.shortcode ?? "", $0.imageURL ?? ""] + $0.hashtags + $0.externalLinks }
            + [record.response?.profileDetails?.biography ?? "", record.response?.profileOverview?.handle ?? ""]
        for text in texts where String(validating: Array(text.utf8), as: UTF8.self) != text {
            fatalError("text that is not valid UTF-8")
        }
        var withoutPosts = record
        withoutPosts.response?.posts = nil
        guard (try? RefreshRecordDecoder.decode(body, parts: .withoutPosts)) == withoutPosts else {
            fatalError("reading without the posts gave another record")
        }
    case (.failure(let error), .failure(let again)):
        guard "\(error)" == "\(again)" else { fatalError("the same body read twice gave two errors") }
        guard let problem = (error as any Error) as? ResponseUnreadable, (problem.offset ?? 0) <= size else {
            fatalError("an error outside the body: \(error)")
        }
    default:
        fatalError("the same body read twice was once read, once refused")
    }
    return 0
}

/// Posts as reading only their figures gives them: text empty, an image address there kept as empty text.
func withoutText(_ posts: [Post]) -> [Post] {
    posts.map { post in
        var post = post
        (post.caption, post.hashtags, post.externalLinks, post.imageURL) = ("", [], [], post.imageURL.map { _ in "" })
        return post
    }
}

/// The program's entry (SwiftPM links `main` to it).
@_cdecl("FuzzReader_main")
public func runFuzzReader(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv)
}

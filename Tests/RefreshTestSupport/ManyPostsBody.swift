import Foundation
import RefreshAPI

/// A response body of a creator with many posts, each with its own caption ("Caption of post N"), the one with
/// the highest engagement last: large enough, a body the creator page reads in two steps.
public enum ManyPostsBody {
    public static func make(
        posts count: Int, requestID: String = "65b87c8576c9b42b3a2858ff", type: RequestType = .instagram,
        value: String = "many.posts"
    ) -> Data {
        var posts: [String] = []
        posts.reserveCapacity(count)
        for index in 0..<count {
            let day = 1 + index % 28, month = 1 + index / 28 % 12
            posts.append(
                ##"{"caption":"Caption of post \##(index) with some words","comments_count":\##(index % 97),"## +
                ##""engagement":\##(Double(index) / Double(count) + 1),"external_links":["https://example.com/\##(index)"],"## +
                ##""hashtags":["#tag\##(index)","#ad"],"likes_count":\##(1_000 + index),"## +
                ##""posted_date":"2025-\##(month < 10 ? "0" : "")\##(month)-\##(day < 10 ? "0" : "")\##(day)","## +
                ##""raw_image_url":"https://instagram.com/images/\##(index)","shortcode":"s\##(index)","sponsored":\##(index % 5 == 0),"## +
                ##""views":\##(5_000 + index)}"##)
        }
        let body =
            ##"{"request_id":"\##(requestID)","request":{"request_type":"\##(type.rawValue)","\##(type.parameterName)":"\##(value)"},"## +
            ##""status":{"code":200,"message":"success"},"response":{"profile_overview":{"handle":"\##(value)","followers_count":54321,"## +
            ##""following_count":12,"post_count":\##(count),"engagement":1.5},"## +
            ##""posts":{"video_posts":[\##(posts.joined(separator: ","))],"non_video_posts":[]}}}"##
        return Data(body.utf8)
    }
}

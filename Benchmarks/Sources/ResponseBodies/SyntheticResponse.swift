import Foundation

/// A large GET response body shaped like the API's, built as text so that making it costs little memory.
public enum SyntheticResponse {
    /// 20,000 posts and two 400-point trends, about 10 MB.
    public static let large = body(posts: 20_000, trendPoints: 400)
    /// 30 posts and two 60-point trends, 20 KB: a body of the spec's size (issue 12).
    public static let small = body(posts: 30, trendPoints: 60)

    /// A body of `posts` posts (half of them videos) and two trends of `trendPoints` points.
    public static func body(posts: Int, trendPoints: Int) -> Data {
        var text = ""
        text.reserveCapacity(posts * 520 + trendPoints * 80 + 2048)
        text += #"{"request_id":"65b87c8576c9b42b3a285805","request":{"request_type":"instagram","handle":"bench"},"#
        text += #""response":{"growth_trends":{"followers_trends":["#
        appendTrend(to: &text, points: trendPoints, base: 120_000)
        text += #"],"engagement_trends":["#
        appendTrend(to: &text, points: trendPoints, base: 2.5)
        text += #"],"monthly_followers_growth":0.07,"quaterly_followers_growth":-0.07,"yearly_followers_growth":-3.23,"#
        text += #""monthly_engagement_growth":0.54,"quaterly_engagement_growth":0.69,"yearly_engagement_growth":0.42},"#
        text += #""posts":{"video_posts":["#
        for index in 0..<posts / 2 { appendPost(to: &text, index, video: true, first: index == 0) }
        text += #"],"non_video_posts":["#
        for index in posts / 2..<posts { appendPost(to: &text, index, video: false, first: index == posts / 2) }
        text += #"]},"profile_details":{"full_name":"Bench Mark","biography":"Numbers 📈 and मराठी","brand_mentions":[]},"#
        text += #""profile_overview":{"followers_count":120000,"following_count":300,"post_count":"20000","#
        text += #""engagement":2.5,"content_per_week":4.5,"influencer_tier":"lower-mid","handle":"bench"},"#
        text += #""reach_and_engagement_details":{}},"status":{"code":200,"message":"success","#
        text += #""request_at":"Wed, 06 Dec 2023 06:09:37 GMT","response_at":"Wed, 06 Dec 2023 06:09:47 GMT"}}"#
        return Data(text.utf8)
    }

    private static func appendTrend(to text: inout String, points: Int, base: Double) {
        for index in 0..<points {
            if index > 0 { text += "," }
            let day = 1 + index % 28, month = 1 + (index / 28) % 12, year = 2020 + index / 336
            text += "{\"\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)\":"
            text += "{\"followers\":\(base + Double(index) * 0.75)}}"
        }
    }

    private static func appendPost(to text: inout String, _ index: Int, video: Bool, first: Bool) {
        if !first { text += "," }
        let month = 1 + index % 12, day = 1 + index % 28
        text += "{\"caption\":\"Day \(index) of the series ✨ trying the new café in Pune with @friend_\(index % 97) — "
        text += "link in bio https://example.com/p/\(index) #food #travel #ad 日本語 and more words to make it long "
        text += "enough for a realistic caption that goes on for a while\",\"comments_count\":\(index % 300),"
        text += "\"engagement\":\(Double(index % 500) / 100),\"external_links\":[\"https://example.com/p/\(index)\"],"
        text += "\"hashtags\":[\"#food\",\"#travel\",\"#ad\"],\"likes_count\":\(1000 + index),"
        text += "\"posted_date\":\"2023-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)\","
        text += "\"raw_image_url\":\"https://instagram.com/images/\(index)\",\"shortcode\":\"C\(index)xYz\","
        text += "\"sponsored\":\(index % 9 == 0)"
        text += video ? ",\"views\":\(5000 + index * 3)}" : "}"
    }
}

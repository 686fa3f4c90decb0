import Foundation
import Testing
@testable import RefreshAPI
import RefreshTestSupport

@Suite("Tolerant decoding of the API's quirks")
struct DecodingQuirkTests {
    private func decode(response: String, status: String = #"{"code":200,"message":"success"}"#) throws -> RefreshRecord {
        try RefreshRecordDecoder.decode(
            Data(#"{"request_id":"abc","response":\#(response),"status":\#(status)}"#.utf8))
    }

    @Test func theEchoedTypeWinsOverTheNameOfItsParameter() throws {
        let video = try RefreshRecordDecoder.decode(
            Data(#"{"request_id":"abc","request":{"request_type":"youtube_post","shortcode":"dQw4w9WgXcQ"}}"#.utf8))
        #expect(video.request?.target == RefreshTarget(uncheckedType: .youtubePost, value: "dQw4w9WgXcQ"), "not instagram_post")
        let untyped = try RefreshRecordDecoder.decode(Data(#"{"request_id":"abc","request":{"shortcode":"C1a2b3"}}"#.utf8))
        #expect(untyped.request?.target == RefreshTarget(uncheckedType: .instagramPost, value: "C1a2b3"), "without a type, the name says")
    }

    @Test func trendInnerValueIsReadWhateverItsKey() throws {
        let record = try decode(response: #"""
            {"growth_trends":{"engagement_trends":[{"2023-12-01":{"engagement":1.5}},{"2023-12-02":{"rate":"2.5"}},
             {"2023-12-03":3.5}]}}
            """#)
        #expect(record.response?.growthTrends?.engagement.map(\.value) == [1.5, 2.5, 3.5])
    }

    @Test func trendPointsAreSortedByDateWhateverTheirOrder() throws {
        let record = try decode(response: #"""
            {"growth_trends":{"followers_trends":[{"2024-01-09":{"followers":3}},{"2023-11-30":{"followers":1}},
             {"2023-12-25":{"followers":2}}]}}
            """#)
        let points = try #require(record.response?.growthTrends?.followers)
        #expect(points.map(\.date.description) == ["2023-11-30", "2023-12-25", "2024-01-09"])
        #expect(points.map(\.value) == [1, 2, 3])
    }

    @Test func trendKeyThatIsNotADateIsAnErrorNamingIt() throws {
        #expect {
            try decode(response: #"{"growth_trends":{"followers_trends":[{"yesterday":{"followers":3}}]}}"#)
        } throws: { error in
            let problem = try #require(error as? ResponseUnreadable)
            return problem.path == "response.growth_trends.followers_trends[0].yesterday"
                && problem.reason.contains("'yesterday' is not a YYYY-MM-DD date")
        }
    }

    @Test func quarterlyIsAcceptedInBothSpellings() throws {
        let misspelt = try decode(response: #"{"growth_trends":{"quaterly_followers_growth":1.5,"quaterly_engagement_growth":2}}"#)
        let correct = try decode(response: #"{"growth_trends":{"quarterly_followers_growth":1.5,"quarterly_engagement_growth":2}}"#)
        for record in [misspelt, correct] {
            #expect(record.response?.growthTrends?.quarterlyFollowersGrowth == 1.5)
            #expect(record.response?.growthTrends?.quarterlyEngagementGrowth == 2)
        }
    }

    @Test func numbersAreAcceptedAsNumericStrings() throws {
        let record = try decode(response: #"""
            {"profile_overview":{"followers_count":"10,001","following_count":" 200 ","engagement":"1.1","post_count":10.0},
             "posts":{"video_posts":[{"likes_count":"24","views":"1e3","sponsored":"true"}]}}
            """#)
        let overview = try #require(record.response?.profileOverview)
        #expect(overview.followers == 10001)
        #expect(overview.following == 200)
        #expect(overview.engagement == 1.1)
        #expect(overview.posts == 10)
        let video = try #require(record.response?.posts?.video.first)
        #expect(video.likes == 24)
        #expect(video.views == 1000)
        #expect(video.sponsored)
    }

    @Test func idsAreAcceptedAsNumbers() throws {
        let record = try RefreshRecordDecoder.decode(Data(#"""
            {"request_id":123456789012,"request":{"request_type":"instagram_id","ig_user_id":2121125346},
             "response":{"profile_overview":{"ig_user_id":2121125346}},"status":{"code":200,"message":"success"}}
            """#.utf8))
        #expect(record.requestID == "123456789012")
        #expect(record.request?.target == RefreshTarget(uncheckedType: .instagramID, value: "2121125346"))
        #expect(record.response?.profileOverview?.userID == "2121125346")
    }

    @Test func missingOrNullSectionsAreAbsent() throws {
        let nulls = try decode(response: #"""
            {"growth_trends":null,"posts":null,"profile_details":null,"profile_overview":null,"reach_and_engagement_details":null}
            """#)
        #expect(nulls.response == CreatorReport(reachAndEngagementDetails: nil))
        let empty = try decode(response: "{}")
        #expect(empty.response == CreatorReport())
        let noPostsOfOneKind = try decode(response: #"{"posts":{"video_posts":null}}"#)
        #expect(noPostsOfOneKind.response?.posts == Posts())
        let noStatus = try RefreshRecordDecoder.decode(Data(#"{"request_id":"x"}"#.utf8))
        #expect(noStatus.state == .unknown(seen: "no status in the response"))
    }

    @Test func unknownFieldsAreIgnored() throws {
        let record = try decode(response: #"""
            {"profile_overview":{"followers_count":5,"brand_new_field":{"deep":[1,2]}},"surprise":true}
            """#)
        #expect(record.response?.profileOverview?.followers == 5)
    }

    @Test func reachAndEngagementDetailsAreKeptAsRawJSON() throws {
        let record = try decode(response: #"""
            {"reach_and_engagement_details":{"reach":{"avg":1200,"ratio":0.3},"top_cities":["Pune","Delhi"],"ok":true}}
            """#)
        let details = try #require(record.response?.reachAndEngagementDetails)
        #expect(details == .object([
            "reach": .object(["avg": .number(1200), "ratio": .number(0.3)]),
            "top_cities": .array([.string("Pune"), .string("Delhi")]),
            "ok": .bool(true),
        ]))
        #expect(details.flattened().map { "\($0.key)=\($0.value)" } == [
            "ok=true", "reach.avg=1200", "reach.ratio=0.3", "top_cities=Pune, Delhi",
        ])
    }

    @Test func httpDatesAreParsedAndUnreadableOnesAreAbsent() throws {
        #expect(HTTPDate.parse("Tue, 30 Jan 2024 04:35:17 GMT") == Date(timeIntervalSince1970: 1_706_589_317))
        #expect(HTTPDate.parse("30 Jan 2024 04:35:17 GMT") == Date(timeIntervalSince1970: 1_706_589_317))
        #expect(HTTPDate.parse("2024-01-30T04:35:17Z") == Date(timeIntervalSince1970: 1_706_589_317))
        #expect(HTTPDate.parse("Tue, 30 Foo 2024 04:35:17 GMT") == nil)
        #expect(HTTPDate.parse("Fri, 31 Feb 2024 04:35:17 GMT") == nil)
        // The exact form servers send is read from its bytes; every other form the same as before.
        #expect(HTTPDate.parse("tue, 30 jan 2024 04:35:17 gmt") == Date(timeIntervalSince1970: 1_706_589_317))
        #expect(HTTPDate.parse("Tue, 30 Jan 2024 04:35:17 UTC") == Date(timeIntervalSince1970: 1_706_589_317))
        #expect(HTTPDate.parse(" Tue, 30 Jan 2024 04:35:17 GMT ") == Date(timeIntervalSince1970: 1_706_589_317))
        #expect(HTTPDate.parse("Tue, 30 Jan 2024 23:59:60 GMT") == Date(timeIntervalSince1970: 1_706_659_200))
        #expect(HTTPDate.parse("Tue, 30 Jan 2024 24:00:00 GMT") == nil)
        #expect(HTTPDate.parse("Tue, 30 Jan 2024 04:60:00 GMT") == nil)
        #expect(HTTPDate.parse("Tue, 3x Jan 2024 04:35:17 GMT") == nil)
        #expect(HTTPDate.parse("Tue, 30 Jan 2024 04:35:17 PST") == nil)
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 1_706_589_317)) == "Tue, 30 Jan 2024 04:35:17 GMT")
        let record = try decode(response: "null", status: #"{"code":201,"message":"pending","request_at":"soon"}"#)
        #expect(record.status?.requestAt == nil)
        #expect(record.state == .pending)
    }

    @Test func calendarDatesRoundTripThroughDayNumbers() {
        for days in [-1, 0, 59, 19_722, 20_000, 2_932_896] {
            #expect(CalendarDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CalendarDate(daysSinceEpoch: 19_722).description == "2023-12-31")
        #expect(CalendarDate(parsing: "2024-02-29") != nil)
        #expect(CalendarDate(parsing: "2023-02-29") == nil)
    }

    @Test func wrongTypeOfAValueIsAnErrorSayingWhereAndWhy() throws {
        #expect {
            try decode(response: #"{"posts":{"video_posts":[{},{},{"likes_count":{"n":1}}]}}"#)
        } throws: { error in
            let problem = try #require(error as? ResponseUnreadable)
            return problem.path == "response.posts.video_posts[2].likes_count"
                && problem.reason.contains("expected a number")
        }
    }

    @Test(arguments: [
        ("", "the body is empty"),
        ("<html>502 Bad Gateway</html>", "the body is not valid JSON"),
        (#"{"request_id":"x","status":{"code":200"#, "the body is not valid JSON"),
        ("[1,2]", "expected"),
    ])
    func unreadableBodiesSayWhy(body: String, reason: String) {
        #expect {
            try RefreshRecordDecoder.decode(Data(body.utf8))
        } throws: { error in
            String(describing: error).contains(reason)
        }
    }

    /// An alternative key's error is set aside, and counts only when the documented key is absent: then it names
    /// where it is, like any other.
    @Test func anAlternativeKeysErrorCountsOnlyWithoutTheDocumentedKey() throws {
        let posts = Array(repeating: #"{"views":7,"views_count":"abc"}"#, count: 3).joined(separator: ",")
        let record = try decode(response: #"{"posts":{"video_posts":[\#(posts)]}}"#)
        #expect(record.response?.posts?.video.map(\.views) == [7, 7, 7])
        #expect {
            try decode(response: #"{"posts":{"video_posts":[\#(posts),{"views_count":"abc"}]}}"#)
        } throws: { error in
            let problem = try #require(error as? ResponseUnreadable)
            return problem.path == "response.posts.video_posts[3].views_count" && problem.reason.contains("expected a number")
        }
    }

    @Test(arguments: ["1e400", "-1e400", "1e-400"])
    func aNumberNoDoubleHoldsIsRefusedAsOutOfRange(number: String) {
        #expect {
            try decode(response: #"{"growth_trends":{"monthly_followers_growth":\#(number)}}"#)
        } throws: { error in
            let problem = try #require(error as? ResponseUnreadable)
            return problem.path == "response.growth_trends.monthly_followers_growth" && problem.reason.contains("too large or too small")
        }
    }

    @Test func aPostDateWithAnEscapeIsReadAsWritten() throws {
        let record = try decode(response: #"{"posts":{"video_posts":[{"posted_date":"2023\u002d12-03"},{"posted_date":"2023-12-04"}]}}"#)
        #expect(record.response?.posts?.video.map(\.postedDate?.description) == ["2023-12-03", "2023-12-04"])
    }

    @Test func missingRequestIDIsNamed() {
        #expect {
            try RefreshRecordDecoder.decode(Data(#"{"status":{"code":200,"message":"success"}}"#.utf8))
        } throws: { error in
            (error as? ResponseUnreadable)?.description == "the response could not be read at request_id: the required field is missing"
        }
    }
}

@Suite("Request state from the server's status")
struct RefreshStateTests {
    @Test(arguments: [
        (201, "pending", RefreshState.pending),
        (200, "success", .succeeded),
        (200, "Success ", .succeeded),
        (200, "failed", .failed(message: "failed")),
        (422, "account is private", .failed(message: "account is private")),
        (500, "", .failed(message: "status code 500")),
        (200, "processing", .unknown(seen: "code 200, message 'processing'")),
    ])
    func stateFollowsTheStatus(code: Int, message: String, expected: RefreshState) {
        #expect(RefreshState(status: RefreshStatus(code: code, message: message)) == expected)
    }

    @Test func onlySucceededAndFailedHaveEnded() {
        #expect(RefreshState.succeeded.hasEnded)
        #expect(RefreshState.failed(message: "x").hasEnded)
        #expect(!RefreshState.pending.hasEnded)
        #expect(!RefreshState.unknown(seen: "x").hasEnded)
    }

    @Test func tierIsDerivedFromFollowersOnlyWhenTheAPISendsNone() {
        let given = DisplayedTier(overview: ProfileOverview(followers: 10001, tier: "nano"))
        #expect(given?.name == "nano")
        #expect(given?.isDerived == false)
        let derived = DisplayedTier(overview: ProfileOverview(followers: 10001))
        #expect(derived?.name == "micro")
        #expect(derived?.isDerived == true)
        #expect(InfluencerTier(followers: 999) == .early)
        #expect(InfluencerTier(followers: 5_000_000) == .celebrity)
        for tier in InfluencerTier.allCases {
            #expect(InfluencerTier(followers: tier.followerRange.lowerBound) == tier)
        }
    }
}

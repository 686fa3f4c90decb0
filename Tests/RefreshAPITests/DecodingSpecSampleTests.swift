import Foundation
import Testing
@testable import RefreshAPI
import RefreshTestSupport

@Suite("The spec's samples, decoded verbatim")
struct DecodingSpecSampleTests {
    @Test func postSampleIsPending() throws {
        let record = try RefreshRecordDecoder.decode(Samples.fixture("spec-post-response"))
        #expect(record.requestID == "65b87c8576c9b42b3a285805")
        #expect(record.request?.target == RefreshTarget(uncheckedType: .instagram, value: "thetatvaindia"))
        #expect(record.response == nil)
        #expect(record.status?.code == 201)
        #expect(record.status?.message == "pending")
        #expect(record.status?.requestAt == Date(timeIntervalSince1970: 1_706_589_317))
        #expect(record.status?.responseAt == nil)
        #expect(record.state == .pending)
    }

    @Test func getSampleHasEveryValue() throws {
        let record = try RefreshRecordDecoder.decode(Samples.fixture("spec-get-response"))
        #expect(record.requestID == "request_identifier")
        #expect(record.state == .succeeded)
        #expect(record.status?.requestAt == Date(timeIntervalSince1970: 1_701_842_977))
        #expect(record.status?.responseAt == Date(timeIntervalSince1970: 1_701_842_987))
        let report = try #require(record.response)

        let trends = try #require(report.growthTrends)
        #expect(trends.followers.map(\.value) == [750, 800, 1000])
        #expect(trends.followers.map(\.date.description) == ["2023-12-01", "2023-12-04", "2023-12-06"])
        #expect(trends.engagement.map(\.value) == [0.8, 0.7, 1.1])
        #expect(trends.monthlyEngagementGrowth == 0.54)
        #expect(trends.monthlyFollowersGrowth == 0.07)
        #expect(trends.quarterlyEngagementGrowth == 0.69)
        #expect(trends.quarterlyFollowersGrowth == -0.07)
        #expect(trends.yearlyEngagementGrowth == 0.42)
        #expect(trends.yearlyFollowersGrowth == -3.23)

        let posts = try #require(report.posts)
        #expect(posts.nonVideo.count == 1)
        #expect(posts.video.count == 1)
        let photo = posts.nonVideo[0]
        #expect(photo.caption == "asdas")
        #expect(photo.comments == 1)
        #expect(photo.likes == 10)
        #expect(photo.engagement == 1.01)
        #expect(photo.externalLinks == ["https://asdas.com"])
        #expect(photo.hashtags == ["#adsasd"])
        #expect(photo.postedDate == CalendarDate(year: 2023, month: 12, day: 3))
        #expect(photo.shortcode == "asda")
        #expect(photo.sponsored == false)
        #expect(photo.views == nil)
        let video = posts.video[0]
        #expect(video.views == 123)
        #expect(video.sponsored)
        #expect(video.hashtags == ["#worth", "#ad"])

        let details = try #require(report.profileDetails)
        #expect(details.fullName == "Anurag Gupta")
        #expect(details.biography == "Co-Founder of Ylytic")
        #expect(details.brandMentions == ["@oi"])
        #expect(details.category == "Business & Entrepreneurship")
        #expect(details.city == "Pune")
        #expect(details.country == "India")
        #expect(details.email == "anurag@ylytic.com")
        #expect(details.mobile == "9028055113")
        #expect(details.platformCategory == "Business")
        #expect(details.mentions == ["@mradulsharna"])
        #expect(details.hashtags == ["#growwithylytic"])
        #expect(details.externalLinks == ["https://www.ylytic.com"])

        let overview = try #require(report.profileOverview)
        #expect(overview.followers == 10001)
        #expect(overview.following == 200)
        #expect(overview.posts == 10)
        #expect(overview.handle == "anurag.itbhu05")
        #expect(overview.userID == "123456")
        #expect(overview.tier == "nano")
        #expect(overview.engagement == 1.1)
        #expect(overview.contentPerWeek == 1.2)
        #expect(report.reachAndEngagementDetails == .object([:]))
    }
}

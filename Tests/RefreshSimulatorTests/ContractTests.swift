import Foundation
import RefreshAPI
import RefreshSimulator
import Testing

@Suite("Simulator contract, seen through the real client")
struct ContractTests {
    @Test(arguments: Targets.samples)
    func postAnswersPendingThenGetAnswersPendingUntilDone(target: RefreshTarget) async throws {
        try await withSimulator(processing: 3600...3600) { simulator in
            let client = simulator.client()
            let submitted = try await client.submit(target)
            #expect(submitted.state == .pending)
            #expect(submitted.status?.code == 201)
            #expect(submitted.requestID.rawValue.count == 24)
            #expect(submitted.requestID.rawValue.allSatisfy { $0.isHexDigit })
            #expect(submitted.request?.target == target)
            #expect(submitted.response == nil)
            #expect(submitted.status?.requestAt != nil)
            let polled = try await client.fetch(submitted.requestID)
            #expect(polled.state == .pending)
            #expect(polled.status?.responseAt == nil)
        }
    }

    @Test(arguments: Targets.samples.filter { !$0.type.isSinglePost })
    func creatorIsConsistent(target: RefreshTarget) async throws {
        let record = try await withSimulator { try await $0.refresh(target) }
        #expect(record.state == .succeeded)
        #expect(record.status?.code == 200)
        #expect(record.status?.responseAt != nil)
        let report = try #require(record.response)
        let overview = try #require(report.profileOverview)
        let followers = try #require(overview.followers)
        #expect(overview.tier == InfluencerTier(followers: followers).rawValue, "tier matches followers")

        let trends = try #require(report.growthTrends)
        #expect((60...120).contains(trends.followers.count))
        #expect((60...120).contains(trends.engagement.count))
        #expect(trends.followers.last?.value == Double(followers), "the trend ends at the current followers")
        let gaps = Set(zip(trends.followers.dropFirst(), trends.followers).map {
            $0.date.daysSinceEpoch - $1.date.daysSinceEpoch
        })
        #expect(gaps.count > 1, "irregular spacing")
        for (days, figure) in [(30, trends.monthlyFollowersGrowth), (91, trends.quarterlyFollowersGrowth), (365, trends.yearlyFollowersGrowth)] {
            #expect(figure == Self.change(trends.followers, days: days), "growth over \(days) days agrees with the trend")
        }
        #expect(trends.monthlyEngagementGrowth == Self.change(trends.engagement, days: 30))

        let posts = try #require(report.posts).all
        #expect((12...300).contains(posts.count))
        for post in posts {
            let marked = post.caption.contains("#ad") || post.caption.contains("#sponsored")
                || post.caption.contains("Paid partnership")
            #expect(post.sponsored == marked, "sponsored agrees with \(post.caption)")
            let base = target.type.platform == .youtube ? Double(post.views ?? 0) : Double(followers)
            let expected = (Double((post.likes ?? 0) + (post.comments ?? 0)) / base * 10_000).rounded() / 100
            #expect(post.engagement == expected, "engagement per \(target.type.platform == .youtube ? "view" : "follower")")
            #expect(post.postedDate != nil)
        }
        if target.type.platform == .youtube {
            #expect(report.posts?.nonVideo.isEmpty == true)
            #expect(overview.following == nil)
            #expect(overview.channelID == target.value)
        }
        #expect(report.profileDetails?.fullName?.isEmpty == false)
    }

    @Test(arguments: Targets.samples.filter(\.type.isSinglePost))
    func singlePostRefreshHasThatOnePost(target: RefreshTarget) async throws {
        let record = try await withSimulator { try await $0.refresh(target) }
        let posts = try #require(record.response?.posts).all
        #expect(posts.count == 1)
        #expect(posts.first?.shortcode == target.value)
        #expect(record.response?.profileOverview?.followers != nil)
        if target.type == .youtubePost { #expect(posts.first?.views != nil) }
    }

    @Test func failingTargetsFailWithTheServersWords() async throws {
        try await withSimulator { simulator in
            let privateAccount = try await simulator.refresh(Targets.instagram("private_studio"))
            #expect(privateAccount.state == .failed(message: "failed: this account is private"))
            #expect(privateAccount.status?.code == 422)
            #expect(privateAccount.response == nil)
            let missing = try await simulator.refresh(try RefreshTarget(type: .youtubePost, value: "Missing0000"))
            #expect(missing.state == .failed(message: "failed: no such post on YouTube"))
        }
    }

    @Test func sameTargetGivesTheSameCreatorOnTwoServers() async throws {
        let target = Targets.instagram("thetatvaindia")
        let first = try await withSimulator { try await $0.refresh(target) }
        let second = try await withSimulator { try await $0.refresh(target) }
        #expect(first.response == second.response)
        let other = try await withSimulator { try await $0.refresh(Targets.instagram("someone_else")) }
        #expect(other.response != first.response)
    }

    @Test func creatorsSpreadOverEveryTier() {
        let factory = CreatorFactory(anchor: CalendarDate(year: 2026, month: 11, day: 1)!)
        var tiers = Set<String>()
        for index in 0..<400 {
            let report = factory.report(for: Targets.instagram("creator\(index)"))
            tiers.insert(report.profileOverview?.tier ?? "")
        }
        #expect(tiers == Set(InfluencerTier.allCases.map(\.rawValue)))
    }

    /// The change in percent from the point nearest `days` before the last to the last.
    static func change(_ series: [TrendPoint], days: Int) -> Double? {
        guard let last = series.last else { return nil }
        let wanted = last.date.daysSinceEpoch - days
        guard let then = series.min(by: { abs($0.date.daysSinceEpoch - wanted) < abs($1.date.daysSinceEpoch - wanted) })
        else { return nil }
        return ((last.value - then.value) / then.value * 10_000).rounded() / 100
    }
}

@Suite("Simulator refusals: 401, 400, 404")
struct RefusalTests {
    @Test func unknownTokenGets401WithAMessage() async throws {
        try await withSimulator { simulator in
            await #expect(throws: RefreshClientError.tokenRejected(status: 401, serverMessage: "invalid or missing bearer token")) {
                try await simulator.client(token: "wrong").submit(Targets.instagram("x"))
            }
            let noHeader = try await rawRequest(simulator.baseURL.appendingPathComponent("data_refresh/requests/abc"), token: nil)
            #expect(noHeader.status == 401)
        }
    }

    @Test(arguments: [
        ("not json", "the body is not a JSON object"),
        (#"{"handle":"x"}"#, "missing 'request_type'"),
        (#"{"request_type":"tiktok","handle":"x"}"#, "unknown request_type 'tiktok'"),
        (#"{"request_type":"instagram"}"#, "missing 'handle' (a string) for request_type instagram"),
        (#"{"request_type":"instagram","handle":"x","video_id":"y"}"#, "unexpected field 'video_id'"),
        (#"{"request_type":"youtube","channel_id":"nope"}"#, "invalid channel_id: a YouTube channel id starts with 'UC'"),
        (#"{"request_type":"instagram","handle":42}"#, "missing 'handle' (a string)"),
    ])
    func badBodiesGet400NamingTheProblem(body: String, message: String) async throws {
        try await withSimulator { simulator in
            let answer = try await rawRequest(
                simulator.baseURL.appendingPathComponent("data_refresh/requests"), method: "POST", body: body)
            #expect(answer.status == 400)
            #expect(answer.body.contains(message), "\(answer.body)")
        }
    }

    @Test func unknownIDGets404() async throws {
        try await withSimulator { simulator in
            await #expect(throws: RefreshClientError.requestNotFound("0123456789abcdef01234567")) {
                try await simulator.client().fetch("0123456789abcdef01234567")
            }
        }
    }

    @Test func healthCheckAnswers() async throws {
        try await withSimulator { simulator in
            var url = simulator.baseURL
            for _ in 0..<3 { url.deleteLastPathComponent() }
            let answer = try await rawRequest(url.appendingPathComponent("healthz"), token: nil)
            #expect(answer.status == 200)
        }
    }
}

import Testing
@testable import RefreshAPI
import RefreshTestSupport

@Suite("Validating refresh targets")
struct TargetValidationTests {
    private func message(_ type: RequestType, _ value: String) -> String? {
        do {
            _ = try RefreshTarget(type: type, value: value)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func handleLosesItsAtAndIsLowercased() throws {
        #expect(try RefreshTarget(type: .instagram, value: " @TheTatvaIndia ").value == "thetatvaindia")
    }

    @Test(arguments: [
        ("", "the handle is empty"),
        ("a" + String(repeating: "b", count: 30), "1 to 30 characters"),
        ("the-tatva", "contains '-'"),
        ("bad name", "contains ' '"),
        (".dot", "cannot start or end with '.'"),
        ("dot.", "cannot start or end with '.'"),
        ("two..dots", "cannot contain '..'"),
    ])
    func handleRules(value: String, expected: String) {
        #expect(message(.instagram, value)?.contains(expected) == true, "\(message(.instagram, value) ?? "accepted")")
    }

    @Test func handleOfThirtyLettersDigitsDotsAndUnderscoresIsAccepted() {
        #expect(message(.instagram, "a.b_c9" + String(repeating: "x", count: 24)) == nil)
    }

    @Test func userIDIsDigitsOnly() {
        #expect(message(.instagramID, "2121125346") == nil)
        #expect(message(.instagramID, "21211x5346")?.contains("digits only") == true)
        #expect(message(.instagramID, String(repeating: "1", count: 21))?.contains("at most 20 digits") == true)
    }

    @Test func channelIDIsUCAnd22URLSafeCharacters() {
        #expect(message(.youtube, "UCurYxozQbvKn-oNUxNJh45Q") == nil)
        #expect(message(.youtube, "XCurYxozQbvKn-oNUxNJh45Q")?.contains("starts with 'UC'") == true)
        #expect(message(.youtube, "UCurYxozQbvKn-oNUxNJh45")?.contains("has 21 after 'UC'") == true)
        #expect(message(.youtube, "UCurYxozQbvKn-oNUxNJh4!Q")?.contains("contains '!'") == true)
        #expect(message(.youtube, "@mkbhd")?.contains("is a YouTube handle") == true)
    }

    @Test func videoIDIs11URLSafeCharacters() {
        #expect(message(.youtubePost, "iwIeyWv2ABI") == nil)
        #expect(message(.youtubePost, "iwIeyWv2AB")?.contains("has 11 characters; 'iwIeyWv2AB' has 10") == true)
        #expect(message(.youtubePost, "iwIeyWv2AB.")?.contains("contains '.'") == true)
    }

    @Test func shortcodeIsURLSafe() {
        #expect(message(.instagramPost, "DHGIoX0y3f3") == nil)
        #expect(message(.instagramPost, "DHG/oX0y3f3")?.contains("contains '/'") == true)
        #expect(message(.instagramPost, "abc")?.contains("5 to 64 characters") == true)
    }

    @Test func bodyNamesTheTypeAndItsParameter() throws {
        for type in RequestType.allCases {
            let sample = ["thetatvaindia", "2121125346", "DHGIoX0y3f3", "UCurYxozQbvKn-oNUxNJh45Q", "iwIeyWv2ABI"][
                RequestType.allCases.firstIndex(of: type)!]
            let target = try RefreshTarget(type: type, value: sample)
            #expect(target.requestBody == ["request_type": type.rawValue, type.parameterName: sample])
        }
    }
}

@Suite("Ids as people type them")
struct TypedIDTests {
    @Test func userIDsAreNumbersWithoutLeadingZerosAndNeverZero() throws {
        #expect(try RefreshTarget(type: .instagramID, value: "0017841400000000").value == "17841400000000")
        #expect(throws: TargetValidationError.self) { try RefreshTarget(type: .instagramID, value: "0") }
        #expect(throws: TargetValidationError.self) { try RefreshTarget(type: .instagramID, value: "000") }
    }

    @Test func aRequestIDInCapitalsNamesTheSameRequest() {
        #expect(RequestID(typed: " 65B87C8576C9B42B3A285805\n") == RequestID("65b87c8576c9b42b3a285805"))
        #expect(RequestID(typed: "Custom-Id_1") == RequestID("Custom-Id_1"), "ids of another form are kept as typed")
    }
}

@Suite("Deriving targets from pasted URLs")
struct PastedURLTests {
    @Test(arguments: [
        ("https://www.instagram.com/thetatvaindia/", RequestType.instagram, "thetatvaindia"),
        ("instagram.com/TheTatvaIndia?igsh=abc", .instagram, "thetatvaindia"),
        ("https://instagram.com/p/DHGIoX0y3f3/", .instagramPost, "DHGIoX0y3f3"),
        ("https://www.instagram.com/reel/DHGIoX0y3f3/?utm_source=ig", .instagramPost, "DHGIoX0y3f3"),
        ("https://www.youtube.com/channel/UCurYxozQbvKn-oNUxNJh45Q", .youtube, "UCurYxozQbvKn-oNUxNJh45Q"),
        ("https://www.youtube.com/watch?v=iwIeyWv2ABI&t=42s", .youtubePost, "iwIeyWv2ABI"),
        ("https://m.youtube.com/watch?feature=share&v=iwIeyWv2ABI", .youtubePost, "iwIeyWv2ABI"),
        ("https://youtu.be/iwIeyWv2ABI?si=xyz", .youtubePost, "iwIeyWv2ABI"),
        ("https://youtube.com/shorts/iwIeyWv2ABI", .youtubePost, "iwIeyWv2ABI"),
        ("@thetatvaindia", .instagram, "thetatvaindia"),
    ])
    func urlGivesTypeAndValue(url: String, type: RequestType, value: String) throws {
        let target = try RefreshTarget(parsing: url)
        #expect(target.type == type)
        #expect(target.value == value)
    }

    /// The newer Instagram post links name their author first; each with the variants people paste.
    @Test(arguments: [
        "https://www.instagram.com/thetatvaindia/reel/DHGIoX0y3f3/?igsh=x",
        "https://www.instagram.com/thetatvaindia/p/DHGIoX0y3f3/",
        "HTTPS://WWW.INSTAGRAM.COM/thetatvaindia/p/DHGIoX0y3f3",
        "instagram.com/thetatvaindia/reel/DHGIoX0y3f3#comments",
        "https://instagram.com/thetatvaindia/tv/DHGIoX0y3f3/?utm_source=ig_web_copy_link",
    ])
    func postLinksWithTheAuthorFirstArePosts(url: String) throws {
        let target = try RefreshTarget(parsing: url)
        #expect(target.type == .instagramPost)
        #expect(target.value == "DHGIoX0y3f3", "the shortcode keeps its case")
    }

    @Test(arguments: [
        "https://www.instagram.com/thetatvaindia", "https://www.instagram.com/thetatvaindia/",
        "HTTPS://INSTAGRAM.COM/TheTatvaIndia?igsh=x", "instagram.com/thetatvaindia/#top",
    ])
    func aProfileIsExactlyOneNameWhateverTheVariant(url: String) throws {
        #expect(try RefreshTarget(parsing: url) == RefreshTarget(type: .instagram, value: "thetatvaindia"))
    }

    @Test(arguments: [
        "https://www.instagram.com/thetatvaindia/tagged/", "https://www.instagram.com/reels/",
        "https://www.instagram.com/stories/thetatvaindia/", "https://www.instagram.com/thetatvaindia/reels/",
        "https://www.instagram.com/thetatvaindia/followers/",
    ])
    func otherInstagramPagesAreNotReadAsAHandle(url: String) {
        #expect(throws: TargetValidationError.self) { try RefreshTarget(parsing: url) }
    }

    @Test(arguments: [
        ("https://www.youtube.com/@mkbhd", "handles and custom names cannot be refreshed"),
        ("https://www.youtube.com/watch?list=PL123", "has no v= video id"),
        ("https://www.instagram.com/", "Instagram's home page"),
        ("https://www.instagram.com/explore/tags/food", "not a profile or post address"),
        ("https://youtu.be/short", "has 11 characters"),
        ("thetatvaindia", "give the type too"),
        ("https://example.com/thetatvaindia", "not an Instagram or YouTube address; accepted: instagram.com/NAME"),
        ("https://evil.com/instagram.com/foo", "not an Instagram or YouTube address"),
        ("ftp://instagram.com/foo", "not an Instagram or YouTube address"),
        ("instagram", "'instagram' is a type; give its handle after it, e.g. 'instagram thetatvaindia'"),
        ("", "give an @handle, an Instagram or YouTube address"),
        ("   ", "give an @handle"),
    ])
    func unusableInputSaysWhy(input: String, expected: String) {
        #expect {
            try RefreshTarget(parsing: input)
        } throws: { error in
            (error as? TargetValidationError)?.message.contains(expected) == true
        }
    }
}

import Foundation
import Testing
@testable import RefreshAPI
import RefreshTestSupport

/// The byte-level reader against the JSONDecoder-based reading it replaced (the oracle, kept in the tests): on
/// every fixture and on thousands of generated and mutated bodies, both give the same model or both refuse.
/// The one difference allowed: the reader reads text with invalid UTF-8 or lone surrogates (as U+FFFD) where
/// Foundation refuses it (and the whole body, or the value it is in).
@Suite("The reader against the decoder it replaced")
struct ReaderDifferentialTests {
    enum Outcome: Equatable {
        case record(RefreshRecord)
        /// Refused, with the reason (which is not compared: the two say it differently).
        case refused(String)

        init(_ decode: () throws -> RefreshRecord) {
            do { self = .record(try decode()) } catch { self = .refused("\(error)") }
        }

        var isRefused: Bool {
            if case .refused = self { true } else { false }
        }

        static func == (lhs: Outcome, rhs: Outcome) -> Bool {
            switch (lhs, rhs) {
            case (.record(let left), .record(let right)): left == right
            case (.refused, .refused): true
            default: false
            }
        }
    }

    static func compare(_ body: Data) -> (reader: Outcome, oracle: Outcome) {
        (Outcome { try RefreshRecordDecoder.decode(body) }, Outcome { try OracleDecoder.decode(body) })
    }

    /// Whether the body holds text Foundation refuses and the reader repairs.
    static func holdsRepairableText(_ body: Data) -> Bool {
        if String(data: body, encoding: .utf8) == nil { return true }
        let text = String(decoding: body, as: UTF8.self).lowercased()
        return text.contains("\\ud8") || text.contains("\\ud9") || text.contains("\\uda") || text.contains("\\udb")
            || text.contains("\\udc") || text.contains("\\udd") || text.contains("\\ude") || text.contains("\\udf")
    }

    static func expectAgreement(_ body: Data, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let (reader, oracle) = compare(body)
        if reader == oracle { return }
        if holdsRepairableText(body) { return }
        Issue.record(
            "\(label): the reader gave \(reader), the oracle \(oracle), for \(String(decoding: body, as: UTF8.self))",
            sourceLocation: sourceLocation)
    }

    @Test func everyFixtureReadsTheSame() throws {
        let folder = Samples.fixtureURL("spec-get-response").deletingLastPathComponent()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(!files.isEmpty)
        for file in files {
            let body = try Data(contentsOf: folder.appendingPathComponent(file))
            let (reader, oracle) = Self.compare(body)
            #expect(reader == oracle, "\(file)")
        }
    }

    @Test func generatedBodiesReadTheSame() {
        var generator = BodyGenerator(seed: 20_261_129)
        var records = 0
        for index in 0..<3_000 {
            let body = Data(generator.body().utf8)
            Self.expectAgreement(body, "generated body \(index)")
            if case .record = Self.compare(body).reader { records += 1 }
        }
        #expect(records > 1_500, "most generated bodies are readable, so that models are compared, not only refusals")
    }

    @Test func mutatedBodiesReadTheSameOrAreBothRefused() {
        var generator = BodyGenerator(seed: 7)
        var random = SplitMix64(seed: 99)
        for index in 0..<3_000 {
            var bytes = Array(generator.body().utf8)
            for _ in 0...random.below(3) { Mutation.apply(&bytes, &random) }
            Self.expectAgreement(Data(bytes), "mutated body \(index)")
        }
    }
}

/// Reproducible random numbers.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }
}

/// Small changes to a body: a byte changed, dropped, repeated or inserted, the end cut, a piece swapped.
enum Mutation {
    static let interesting: [UInt8] = Array("{}[],:\"\\ 0-1.eE+tfnul".utf8) + [0x00, 0x1F, 0x7F, 0xC3, 0xA9, 0xFF]

    static func apply(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        guard !bytes.isEmpty else { return bytes.append(random.pick(interesting)) }
        let at = random.below(bytes.count)
        switch random.below(6) {
        case 0: bytes[at] = random.pick(interesting)
        case 1: bytes.remove(at: at)
        case 2: bytes.insert(random.pick(interesting), at: at)
        case 3: bytes.removeLast(random.below(bytes.count / 2 + 1))
        case 4: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + random.below(12) + 1)], at: at)
        default:
            let other = random.below(bytes.count)
            bytes.swapAt(at, other)
        }
    }
}

/// Bodies of the API's shape with its quirks: numbers as text, ids as numbers, nulls, spelling variants,
/// alternative keys, unknown fields, trends in any order, escapes, trailing commas, and now and then a value of
/// the wrong kind.
struct BodyGenerator {
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    mutating func body() -> String {
        var members = ["\"request_id\":\(id())"]
        if random.chance(80) { members.append("\"request\":\(echo())") }
        if random.chance(85) { members.append("\"response\":\(random.chance(10) ? "null" : report())") }
        if random.chance(90) { members.append("\"status\":\(status())") }
        return object(members)
    }

    private mutating func object(_ members: [String]) -> String {
        var members = members
        if random.chance(30) { members.insert("\"\(word())\":\(unknownValue(depth: 0))", at: random.below(members.count + 1)) }
        // A key that comes twice, with another value, before or after the first.
        if random.chance(10), !members.isEmpty {
            let member = members[random.below(members.count)]
            if let colon = member.range(of: "\":") {
                let repeated = member[..<colon.upperBound] + random.pick([scalar(), number(), "null", "[]"])
                members.insert(String(repeated), at: random.below(members.count + 1))
            }
        }
        // A key with an escape in it (`"capt\u0069on"`), which is the same key.
        if random.chance(5), !members.isEmpty {
            let index = random.below(members.count)
            let bytes = Array(members[index].utf8)
            if bytes.count > 2, bytes[0] == UInt8(ascii: "\""), (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[1]) {
                members[index] = "\"\\u00" + String(bytes[1], radix: 16) + String(decoding: bytes[2...], as: UTF8.self)
            }
        }
        let separator = random.pick([",", ", ", ",\n  "])
        let trailing = random.chance(5) ? "," : ""
        return "{" + members.joined(separator: separator) + trailing + "}"
    }

    private mutating func id() -> String {
        random.pick([
            "\"\(String(random.next(), radix: 16))\"", String(random.below(1_000_000_000)), "\"abc\"",
            random.chance(3) ? "null" : "\"x\"",
        ])
    }

    private mutating func echo() -> String {
        object([
            "\"request_type\":\(random.pick(["\"instagram\"", "\"youtube\"", "\"instagram_id\"", "3", "true"]))",
            "\"\(random.pick(["handle", "ig_user_id", "channel_id", "video_id", "shortcode"]))\":\(scalar())",
        ] + (random.chance(20) ? ["\"extra\":\(unknownValue(depth: 1))"] : []))
    }

    private mutating func status() -> String {
        object([
            "\"code\":\(count())", "\"message\":\(random.pick(["\"pending\"", "\"success\"", "\"failed: private\"", "null", "42"]))",
            "\"request_at\":\(random.pick(["\"Tue, 30 Jan 2024 04:35:17 GMT\"", "\"soon\"", "null", "\"2024-01-30T04:35:17Z\""]))",
        ])
    }

    private mutating func report() -> String {
        var members: [String] = []
        if random.chance(70) { members.append("\"growth_trends\":\(random.chance(10) ? "null" : growth())") }
        if random.chance(70) { members.append("\"posts\":\(random.chance(10) ? "null" : posts())") }
        if random.chance(60) { members.append("\"profile_details\":\(random.chance(10) ? "null" : details())") }
        if random.chance(70) { members.append("\"profile_overview\":\(random.chance(10) ? "null" : overview())") }
        if random.chance(40) { members.append("\"reach_and_engagement_details\":\(unknownValue(depth: 0))") }
        return object(members)
    }

    private mutating func growth() -> String {
        var members: [String] = []
        for key in ["followers_trends", "engagement_trends"] where random.chance(70) {
            members.append("\"\(key)\":\(random.chance(10) ? "null" : trends())")
        }
        for key in [
            "monthly_followers_growth", "quarterly_followers_growth", "quaterly_followers_growth", "yearly_followers_growth",
            "monthly_engagement_growth", "quarterly_engagement_growth", "quaterly_engagement_growth",
        ] where random.chance(40) {
            members.append("\"\(key)\":\(number())")
        }
        return object(members)
    }

    private mutating func trends() -> String {
        var days = Array(1...28).shuffled(using: &random)
        let entries = (0..<random.below(6)).map { _ -> String in
            if random.chance(5) { return "null" }
            let day = days.popLast() ?? 1
            let date = random.chance(3) ? "yesterday" : "2024-0\(random.below(9) + 1)-\(day < 10 ? "0" : "")\(day)"
            let value = random.chance(30) ? number() : (random.chance(10) ? "{}" : "{\"\(word())\":\(number())}")
            return "{\"\(date)\":\(value)}"
        }
        return "[" + entries.joined(separator: ",") + "]"
    }

    private mutating func posts() -> String {
        var members: [String] = []
        for key in ["video_posts", "non_video_posts"] where random.chance(70) {
            let list = (0..<random.below(4)).map { _ in random.chance(2) ? "null" : post() }
            members.append("\"\(key)\":" + (random.chance(10) ? "null" : "[" + list.joined(separator: ",") + "]"))
        }
        return object(members)
    }

    private mutating func post() -> String {
        var members: [String] = []
        if random.chance(60) { members.append("\"shortcode\":\(scalar())") }
        if random.chance(20) { members.append("\"video_id\":\(scalar())") }
        if random.chance(50) { members.append("\"posted_date\":\(random.pick(["\"2023-12-03\"", "\"bad\"", "null", "20231203"]))") }
        if random.chance(60) { members.append("\"caption\":\(text())") }
        if random.chance(20) { members.append("\"title\":\(text())") }
        for key in ["likes_count", "comments_count", "views", "views_count"] where random.chance(50) {
            members.append("\"\(key)\":\(count())")
        }
        if random.chance(50) { members.append("\"engagement\":\(number())") }
        if random.chance(50) {
            members.append("\"sponsored\":\(random.pick(["true", "false", "1", "0", "\"yes\"", "\"No\"", "null", "\"maybe\""]))")
        }
        for key in ["hashtags", "external_links"] where random.chance(40) { members.append("\"\(key)\":\(strings())") }
        return object(members)
    }

    private mutating func details() -> String {
        var members: [String] = []
        for key in ["full_name", "biography", "category", "ig_category", "city", "country", "email"] where random.chance(50) {
            members.append("\"\(key)\":\(text())")
        }
        for key in ["external_links", "hashtags", "mentions", "brand_mentions"] where random.chance(40) {
            members.append("\"\(key)\":\(strings())")
        }
        return object(members)
    }

    private mutating func overview() -> String {
        var members: [String] = []
        for key in ["handle", "ig_user_id", "channel_id", "influencer_tier"] where random.chance(50) {
            members.append("\"\(key)\":\(scalar())")
        }
        for key in ["followers_count", "subscribers_count", "following_count", "post_count", "video_count"]
        where random.chance(50) {
            members.append("\"\(key)\":\(count())")
        }
        for key in ["engagement", "content_per_week"] where random.chance(50) { members.append("\"\(key)\":\(number())") }
        return object(members)
    }

    private mutating func number() -> String {
        if random.chance(4) { return random.pick(["\"abc\"", "true", "{\"n\":1}", "[]", "1e400", "\"\""]) }
        return random.pick([
            "\(random.below(100_000))", "-\(random.below(100))", "\(random.below(100)).\(random.below(100))",
            "\"\(random.below(10)),\(random.below(900) + 100)\"", "\" \(random.below(50)).5 \"", "1e3", "-0",
            "2.5E-2", "null", "\"0x10\"", "12345678901234567890", "0.000001",
        ])
    }

    private mutating func count() -> String {
        random.chance(20) ? number() : random.pick(["\(random.below(1_000_000))", "\"\(random.below(1000))\"", "10.0", "9.5e18", "null"])
    }

    private mutating func scalar() -> String {
        random.pick([text(), String(random.below(1_000_000)), "1.5", "true", "null", "1e3", "9223372036854775808"])
    }

    private mutating func strings() -> String {
        if random.chance(30) { return random.pick([text(), "null", "5", "{\"a\":1}"]) }
        let items = (0..<random.below(4)).map { _ in random.chance(10) ? random.pick(["null", "7", "false"]) : text() }
        return "[" + items.joined(separator: ",") + "]"
    }

    private mutating func text() -> String {
        let pieces = [
            "plain", "café", "日本語", "👩‍💻", "#ad", "\\n", "\\\"q\\\"", "\\u00e9", "\\ud83d\\ude00", "\\/", "\\t", "a b",
            "\\u0000",
        ]
        return "\"" + (0..<random.below(4)).map { _ in random.pick(pieces) }.joined() + "\""
    }

    private mutating func word() -> String {
        random.pick(["surprise", "brand_new_field", "n", "x_y", "caption_v2", "é"])
    }

    private mutating func unknownValue(depth: Int) -> String {
        guard depth < 4 else { return scalar() }
        switch random.below(4) {
        case 0: return "[" + (0..<random.below(3)).map { _ in unknownValue(depth: depth + 1) }.joined(separator: ",") + "]"
        case 1:
            let keys = ["surprise", "brand_new_field", "n", "x_y", "é"].shuffled(using: &random).prefix(random.below(3))
            return "{" + keys.map { "\"\($0)\":\(unknownValue(depth: depth + 1))" }.joined(separator: ",") + "}"
        default: return random.chance(10) ? "1e400" : scalar()
        }
    }
}

extension SplitMix64: RandomNumberGenerator {}

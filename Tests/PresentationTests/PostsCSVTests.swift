import RefreshAPI
import Testing
@testable import Presentation

@Suite("Posts as CSV")
struct PostsCSVTests {
    @Test func fieldsAreQuotedOnlyWhenNeededAndQuotesDoubled() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("a, b") == "\"a, b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field("=HYPERLINK(\"https://evil\")") == "\"'=HYPERLINK(\"\"https://evil\"\")\"", "a formula is kept as text")
        #expect(CSV.field("\u{200E}@SUM(A1)") == "'@SUM(A1)", "even behind a character that is removed")
        #expect(CSV.field("  +1+2") == "'  +1+2")
        #expect(CSV.field("-12.5") == "-12.5", "a number is a number")
        #expect(CSV.field("red \u{1B}[31mtext") == "red text")
    }

    @Test func oneRowPerPostAfterTheHeader() {
        let csv = PostsCSV.text(Posts(video: [Post(shortcode: "v", caption: "日本語, 👍", views: 3)], nonVideo: [Post(shortcode: "p")]))
        let rows = csv.components(separatedBy: "\r\n")
        #expect(rows.count == 4)
        #expect(rows[0] == PostsCSV.header.joined(separator: ","))
        #expect(rows[1] == "video,v,,,,3,,false,,,\"日本語, 👍\"")
        #expect(rows[2] == "photo,p,,,,,,false,,,")
        #expect(rows[3] == "")
    }
}

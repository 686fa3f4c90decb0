import Foundation
import RefreshAPI
import RefreshTracking
import Testing

@Suite("Lists of creators from files, and roster names")
struct RosterFileTests {
    private func read(_ text: String, name: String = "list.txt") throws -> RosterFile {
        try RosterFile.read(Data(text.utf8), name: name)
    }

    @Test func aTextFileTakesEveryFormTheFormTakesAndMergesDuplicates() throws {
        let file = try read(
            """
            # shortlist
            @TheTatvaIndia
            thetatvaindia
            https://www.instagram.com/zoe.k/
            17841400000000000
            UCabcdefghijklmnopqrstuv
            youtube_post iwIeyWv2ABI
            https://youtu.be/iwIeyWv2ABI

            not a handle
            bad!name
            """)
        #expect(
            file.targets.map(\.description) == [
                "instagram thetatvaindia", "instagram zoe.k", "instagram_id 17841400000000000",
                "youtube UCabcdefghijklmnopqrstuv", "youtube_post iwIeyWv2ABI",
            ])
        #expect(file.duplicates == 2, "@TheTatvaIndia and thetatvaindia, and the video twice")
        #expect(file.problems.map(\.line) == [10, 11], "bad lines are reported by their number")
        #expect(file.problems[0].reason.contains("several words"))
        #expect(file.problems[1].reason.contains("'!'"))
        #expect(file.layout == .lines)
    }

    @Test func aCSVIsReadFromItsNamedColumnWithQuotedCells() throws {
        let file = try read(
            """
            name,Handle,followers
            "Tatva, India",@thetatvaindia,100
            "Zoë ""Z"" K
            second line",zoe.k,5
            Nobody,,3
            """, name: "roster.CSV")
        #expect(file.layout == .csv(column: "Handle"))
        #expect(file.targets.map(\.value) == ["thetatvaindia", "zoe.k"])
        #expect(file.problems == [RosterFile.Problem(line: 5, reason: "nothing in the column 'Handle'")], "line numbers count the line inside quotes")
    }

    @Test func aCSVWithoutAHeaderUsesItsFirstColumn() throws {
        let file = try read("@a,1\n@b,2\n")
        #expect(file.layout == .csv(column: "1"))
        #expect(file.targets.map(\.value) == ["a", "b"])
    }

    @Test func wholeFilesThatCannotBeAListAreRefusedWithTheReason() {
        #expect(throws: RosterError("list.txt is empty: give one target per line (@handle, address, id), or a CSV")) {
            try read(" \n\n")
        }
        #expect(throws: RosterError("photo.png is not a text file (give one target per line, or a CSV)")) {
            try RosterFile.read(Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x0A]), name: "photo.png")
        }
        #expect(throws: RosterError("bad.txt is not a text file (give one target per line, or a CSV)")) {
            try RosterFile.read(Data([0x40, 0x61, 0xFF, 0xFE]), name: "bad.txt")
        }
        #expect {
            try read("name,city\nTatva India,Pune\nZoe K,Delhi\n")
        } throws: { error in
            "\(error)".contains("no column of list.txt holds creators") && "\(error)".contains("handle, url or creator")
        }
    }

    @Test func aHundredThousandLinesAreReadAndEachCounted() throws {
        let lines = (0..<100_000).map { "user\($0 % 60_000)" }.joined(separator: "\n")
        let file = try read(lines)
        #expect(file.targets.count == 60_000)
        #expect(file.duplicates == 40_000)
    }

    @Test func rosterNamesAreOneWord() throws {
        #expect(try RosterName("Summer_26.v2").rawValue == "Summer_26.v2")
        #expect(try RosterName("डिजिटल-1").rawValue == "डिजिटल-1", "letters of any script")
        for (bad, why) in [
            ("my list", "a space"), ("a/b", "a slash"), ("", "empty"), ("-x", "starting with a letter or digit"),
            (String(repeating: "x", count: 65), "longer"), ("a\u{1B}[31m", "control character"), ("a\u{202E}b", "U+202E"),
        ] {
            #expect {
                try RosterName(bad)
            } throws: { error in
                "\(error)".contains(why)
            }
        }
    }
}

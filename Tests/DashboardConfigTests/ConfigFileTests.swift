import DashboardConfig
import DashboardCore
import Presentation
import Testing
import TextGrid

@Suite("The config file")
struct ConfigFileTests {
    @Test func aGoodFileSetsKeysSortsAndThePreview() {
        let reading = ConfigFile.read("""
            # my keys
            keys:
              list:
                quit: [Q, <c-q>]
                moveDown: <c-n>
              creator:
                showPosts: P
              post:
                back: <backspace>
            sort:
              requests: followers
              creators: name desc
              posts: likes asc
            preview: off
            notify: osc777
            confirm_above: 50
            """)
        #expect(reading.problems.isEmpty)
        #expect(reading.settings.notify == .osc777)
        #expect(reading.settings.confirmAbove == 50)
        let bad = ConfigFile.read("confirm_above: lots\n")
        #expect(bad.problems.map(\.line) == [1] && bad.problems.first?.message.contains("a number of creators") == true)
        #expect(bad.settings.confirmAbove == 20, "left at its default")
        let bindings = reading.settings.bindings
        #expect(bindings.keys(for: .quit, in: .list) == [.character("Q"), .control("q")])
        #expect(bindings.keys(for: .moveDown, in: .list) == [.control("n")])
        #expect(bindings.command(for: .character("j"), in: .list) == nil, "a command's keys are replaced, not added to")
        #expect(bindings.command(for: .character("P"), in: .creator) == .showPosts)
        #expect(bindings.keys(for: .back, in: .post) == [.backspace])
        #expect(bindings.keys(for: .back, in: .creator) == KeyBindings.standard.keys(for: .back, in: .creator), "other screens untouched")
        #expect(reading.settings.requestsSort == .init(.followers, ascending: false), "followers sort largest first unless told")
        #expect(reading.settings.creatorsSort == .init(.name, ascending: false))
        #expect(reading.settings.postsSort == .init(.likes, ascending: true))
        #expect(reading.settings.preview == false)
        #expect(reading.lines["keys.list.quit"] == 4 && reading.lines["sort.posts"] == 13 && reading.lines["preview"] == 14)
    }

    @Test func eachProblemNamesItsLineAndSettingAndTheRestStillApplies() {
        let reading = ConfigFile.read("""
            keys:
              list:
                quit: Q
                fly: f
              posts:
                open: <f13>
              sidebar:
                quit: q
            sort:
              requests: height
              posts: likes upward
            preview: maybe
            theme: dark
            notify: loud
            """)
        #expect(reading.problems.map(\.line) == [4, 6, 7, 10, 11, 12, 13, 14])
        #expect(reading.problems.map(\.key) == [
            "keys.list.fly", "keys.posts.open", "keys.sidebar", "sort.requests", "sort.posts", "preview", "theme", "notify",
        ])
        #expect(reading.problems[7].message == "expected one of off, bell, osc, osc777")
        #expect(reading.settings.notify == .bell, "the bell unless set otherwise")
        #expect(reading.problems[1].description.hasPrefix("line 6, keys.posts.open: '<f13>' is not a key"))
        #expect(reading.problems[3].message.contains("the columns are type, target, name, state, submitted, by, finished, followers"))
        #expect(reading.settings.bindings.keys(for: .quit, in: .list) == [.character("Q")], "the good setting applies")
        #expect(reading.settings.bindings.keys(for: .open, in: .posts) == [.enter], "the bad one keeps its default")
        #expect(reading.settings.preview == true)
    }

    @Test(arguments: [
        ("keys: [\n", 2), ("keys:\n  list: [q]\n", 2), ("- just\n- a list\n", 1), ("keys:\n\tlist: {}\n", 2),
    ])
    func textThatIsNotSettingsGivesTheDefaultsAndALine(text: String, line: Int) {
        let reading = ConfigFile.read(text)
        #expect(reading.problems.count == 1)
        #expect(reading.problems.first?.line == line)
        #expect(reading.settings == DashboardSettings())
    }

    @Test func savedViewsKeepTheirQuerySortAndColumnsInOrder() {
        let reading = ConfigFile.read("""
            views:
              - name: pune food
                query: category:food city:pune er>3%
                sort: er:desc
                columns: [name, handle, followers, er, place]
              - name: stale
                query: stale
              - name: by size
                sort: followers
                columns: handle, followers
            sort:
              creators: postsPerWeek
            """)
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        #expect(reading.settings.views.map(\.name) == ["pune food", "stale", "by size"])
        let food = reading.settings.views[0]
        #expect(food.query == "category:food city:pune er>3%")
        #expect(food.sort == CreatorSort(.engagement, ascending: false))
        #expect(food.columns == [.name, .handle, .followers, .engagement, .place])
        #expect(reading.settings.views[1].sort == nil && reading.settings.views[1].columns.isEmpty)
        #expect(reading.settings.views[2].sort == CreatorSort(.followers, ascending: false), "figures sort largest first unless told")
        #expect(reading.settings.views[2].columns == [.handle, .followers], "columns may be a comma-separated line too")
        #expect(reading.settings.creatorsSort == .init(.postsPerWeek, ascending: false), "the dashboard's old column names still read")
        #expect(reading.lines["views.stale"] == 6)
    }

    @Test func aViewThatCannotBeReadIsReportedAtItsLineAndLeftOut() {
        let reading = ConfigFile.read("""
            views:
              - name: bad query
                query: tier:micro er>>3
              - name: bad sort
                sort: likes
              - name: bad columns
                columns: [handle, likes]
              - query: no name
              - name: fine
              - name: odd
                colour: red
              - name: FINE
              - name: "tab\\there"
              - name: twice
                columns: [name, name]
            """)
        #expect(reading.settings.views.map(\.name) == ["fine"])
        #expect(reading.problems.map(\.description) == [
            "line 3, views.bad query.query: 'tier:micro er>>3' cannot be read: >3 ^ expected a number after '>'",
            "line 5, views.bad sort.sort: 'likes' is not a column; sort by one of "
                + CreatorField.allCases.map(\.rawValue).joined(separator: ", "),
            "line 7, views.bad columns.columns: no such column 'likes' (the columns are "
                + CreatorField.allCases.map(\.rawValue).joined(separator: ", ") + ")",
            "line 8, views: view 4 has no name",
            "line 11, views.odd.colour: no such setting of a view (a view has name, query, sort, columns)",
            "line 12, views.FINE: an earlier view has this name (names are compared whatever their case)",
            "line 13, views: view 8's name 'tabU+9here' holds a control or invisible character",
            "line 15, views.twice.columns: 'name' is listed twice",
        ])
    }

    @Test func anEmptyFileIsTheStandardSettings() {
        for text in ["", "# nothing yet\n", "---\n"] {
            let reading = ConfigFile.read(text)
            #expect(reading.problems.isEmpty && reading.settings == DashboardSettings())
        }
    }

    @Test func theThemeSetsTheRolesItNamesAndLeavesTheOthers() {
        let reading = ConfigFile.read("""
            theme:
              selected: {fg: white, bg: "#005f87", bold: true}
              failed:
                fg: 196
              tableHeader: {underline: yes}
            """)
        #expect(reading.problems.isEmpty)
        #expect(reading.settings.theme[.selected] == Style(foreground: .white, background: .rgb(0, 0x5F, 0x87), bold: true),
                "the standard selection's reverse is not kept under the colours given")
        #expect(reading.settings.theme[.failed] == Style(foreground: .indexed(196)))
        #expect(reading.settings.theme[.tableHeader] == Style(underline: true), "a role's style is what the file gives")
        #expect(reading.settings.theme[.box] == Theme.standard[.box])
        #expect(reading.lines["theme.failed"] == 4)
    }

    @Test func aBadColourOrRoleIsReportedWithItsLine() {
        let reading = ConfigFile.read("""
            theme:
              selected: {bg: "#12"}
              sparkles: {fg: red}
              box: {blink: true}
              pending: {fg: 300}
              stale: red
            """)
        #expect(reading.problems.map(\.line) == [2, 3, 4, 5, 6])
        #expect(reading.problems.map(\.key) == ["theme.selected.bg", "theme.sparkles", "theme.box.blink", "theme.pending.fg", "theme.stale"])
        #expect(reading.problems[0].message.hasPrefix("'#12' is not a colour"))
        #expect(reading.settings.theme == Theme.standard)
    }

    @Test(arguments: [("red", TerminalColor.red), ("BrightCyan", .brightCyan), ("grey", .gray), ("default", .default), ("0", .indexed(0)),
                      ("255", .indexed(255)), ("#ff8700", .rgb(255, 135, 0))])
    func coloursAreWrittenAsTheyAreRead(text: String, color: TerminalColor) {
        #expect(ColorName.read(text) == color)
        #expect(ColorName.read(ColorName.write(color)) == color)
    }

    @Test func theKeysOfEveryBoxCanBeRebound() {
        let reading = ConfigFile.read("""
            keys:
              joined:
                forceSubmit: "!"
              confirm:
                confirm: x
              newRequest:
                nextChoice: <f2>
              help:
                back: h
            """)
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        let bindings = reading.settings.bindings
        #expect(bindings.command(for: .character("!"), in: .joined) == .forceSubmit)
        #expect(bindings.command(for: .character("f"), in: .joined) == nil)
        #expect(bindings.command(for: .character("x"), in: .confirm) == .confirm)
        #expect(bindings.command(for: .function(2), in: .newRequest) == .nextChoice)
        #expect(bindings.keys(for: .back, in: .help) == [.character("h")])

        let typed = ConfigFile.read("""
            keys:
              newRequest:
                submit: s
            """)
        #expect(typed.problems.first?.message.contains("s is typed into this box's field") == true, "\(typed.problems)")
        #expect(typed.settings.bindings.keys(for: .submit, in: .newRequest) == [.enter], "the form keeps Enter")
    }

    @Test func aKeyGivenTwiceOrTakenFromAnotherCommandIsReported() {
        let reading = ConfigFile.read("""
            keys:
              list:
                newRequest: j
                help: [x, x]
                quit: <c-c>
              posts:
                open: <esc>
                back: [b, <esc>]
                sort: o
                reverseSort: o
            """)
        #expect(reading.problems.map(\.line) == [3, 4, 5, 8, 10])
        #expect(reading.problems[0].message == "j is moveDown's key on this screen; give moveDown other keys too, or choose another")
        #expect(reading.problems[1].message.hasPrefix("x is listed twice"))
        #expect(reading.problems[2].message.hasPrefix("<c-c> always quits"))
        #expect(reading.problems[3].message == "<esc> is also given to open; it goes to back")
        #expect(reading.problems[4].message == "o is also given to sort; it goes to reverseSort")
        #expect(reading.settings.bindings.command(for: .character("j"), in: .list) == .newRequest, "the file's word goes")
        #expect(reading.settings.bindings.command(for: .escape, in: .posts) == .back)
    }
}

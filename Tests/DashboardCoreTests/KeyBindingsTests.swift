@testable import DashboardCore
import RefreshAPI
import Testing

@Suite("Keys per screen")
struct KeyBindingsTests {
    let reducer = DashboardReducer()

    @Test(arguments: ["q", "/", "G", "<space>", "<c-c>", "<enter>", "<esc>", "<tab>", "<backtab>", "<f5>", "<f12>", "<up>",
                      "<pgdown>", "<home>", "<backspace>", "<delete>"])
    func keyNamesReadAsTheyAreWritten(name: String) throws {
        let key = try #require(Key(configName: name))
        #expect(key.configName == name)
    }

    @Test(arguments: ["", "ab", "<c-1>", "<f13>", "<f0>", "<nope>", "<>", "<c-cc>", " ", "\u{200B}", "\u{301}", "\t"])
    func namesThatAreNoKeyAreRefused(name: String) {
        #expect(Key(configName: name) == nil)
    }

    @Test func aKeyBoundElsewhereMovesToTheNewCommand() {
        var bindings = KeyBindings.standard
        bindings.bind(.quit, to: [.character("x")], in: .list)
        bindings.bind(.help, to: [.character("q"), .function(1)], in: .list)
        #expect(bindings.command(for: .character("x"), in: .list) == .quit)
        #expect(bindings.command(for: .character("q"), in: .list) == .help)
        #expect(bindings.command(for: .function(1), in: .list) == .help)
        #expect(bindings.command(for: .character("?"), in: .list) == nil, "? is no longer bound")
        #expect(bindings.command(for: .character("x"), in: .creator) == .exactNumbers, "other screens keep their keys")
    }

    @Test func remappedKeysWorkOnEveryScreenAndShowInTheHelpAndTheStatusBar() throws {
        var state = DashboardFixtures.state(width: 120, height: 40)
        state.shared.settings.bindings.bind(.quit, to: [.character("Q")], in: .list)
        state.shared.settings.bindings.bind(.showPosts, to: [.character("P")], in: .creator)
        state.shared.settings.bindings.bind(.sponsoredOnly, to: [.function(5)], in: .posts)
        state.shared.settings.bindings.bind(.back, to: [.character("b")], in: .post)
        #expect(DashboardView().render(state).text.contains("Q quit"), "the status bar names the new key")
        #expect(reducer.reduce(&state, .key(.character("q"))).isEmpty, "q no longer quits")
        _ = reducer.reduce(&state, .key(.character("?")))
        #expect(DashboardView().render(state).text.contains(/│ Q +quit/))
        _ = reducer.reduce(&state, .key(.escape))

        _ = reducer.reduce(&state, .creatorLoaded(CreatorPage(record: try CreatorPageTests.sample())))
        _ = reducer.reduce(&state, .key(.character("p")))
        guard case .creator = state.screen else { Issue.record("p still opened the posts"); return }
        #expect(DashboardView().render(state).text.contains("P posts"))
        _ = reducer.reduce(&state, .key(.character("?")))
        let help = DashboardView().render(state).text
        #expect(help.contains(/│ P +the posts table/), "the help lists the creator page's keys")
        #expect(!help.contains("switch between Requests and Creators"), "and not the list's")
        _ = reducer.reduce(&state, .key(.escape))

        _ = reducer.reduce(&state, .key(.character("P")))
        guard case .posts = state.screen else { Issue.record("P did not open the posts"); return }
        _ = reducer.reduce(&state, .key(.function(5)))
        #expect(state.postsScreen?.title.sponsoredOnly == true)
        #expect(DashboardView().render(state).text.contains("F5 sponsored"))
        _ = reducer.reduce(&state, .key(.function(5)))
        _ = reducer.reduce(&state, .key(.enter))
        _ = reducer.reduce(&state, .key(.escape))
        guard case .post = state.screen else { Issue.record("Esc still left the post"); return }
        _ = reducer.reduce(&state, .key(.character("b")))
        guard case .posts = state.screen else { Issue.record("b did not go back"); return }
        _ = reducer.reduce(&state, .key(.escape))
        _ = reducer.reduce(&state, .key(.escape))
        #expect(reducer.reduce(&state, .key(.character("Q"))) == [.quit])
    }
}

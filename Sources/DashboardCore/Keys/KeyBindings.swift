/// Which key does what on each screen: the standard keys, or those of the config file.
/// The reducer, the help and the status bar all read the same table, so a remapped key
/// is remapped everywhere.
public struct KeyBindings: Sendable, Equatable {
    /// A key and its command.
    public struct Binding: Sendable, Equatable {
        public let key: Key
        public let command: Command
    }

    /// Per screen, the keys and their commands, in the order they are shown.
    public private(set) var table: [KeyContext: [Binding]]

    public static let standard: KeyBindings = {
        func bindings(_ pairs: [(Command, [Key])]) -> [Binding] {
            pairs.flatMap { command, keys in keys.map { Binding(key: $0, command: command) } }
        }
        let moves: [(Command, [Key])] = [
            (.moveUp, [.up, .character("k")]), (.moveDown, [.down, .character("j")]), (.pageUp, [.pageUp]),
            (.pageDown, [.pageDown]), (.first, [.character("g"), .home]), (.last, [.character("G"), .end]),
        ]
        let back: [Key] = [.escape, .character("q"), .backspace, .left]
        return KeyBindings(table: [
            .list: bindings(moves + [
                (.switchTab, [.tab]), (.previousTab, [.backTab]), (.filter, [.character("/")]), (.back, [.escape]),
                (.sort, [.character("s")]),
                (.reverseSort, [.character("S")]), (.newRequest, [.character("n")]), (.refreshAgain, [.character("r")]),
                (.refreshStale, [.character("R")]), (.mark, [.character(" ")]), (.markAll, [.character("*")]),
                (.compare, [.character("c")]), (.addToRoster, [.character("a")]), (.toggleLive, [.character("p")]),
                (.forget, [.character("d")]), (.open, [.enter]), (.togglePreview, [.character("v")]), (.help, [.character("?")]),
                (.exportCreators, [.character("e")]), (.chooseView, [.character("V")]), (.renameRoster, [.character("N")]),
                (.quit, [.character("q"), .control("c")]),
            ]),
            .roster: bindings(moves + [
                (.filter, [.character("/")]), (.sort, [.character("s")]), (.reverseSort, [.character("S")]),
                (.mark, [.character(" ")]), (.markAll, [.character("*")]), (.refreshAgain, [.character("r")]),
                (.refreshStale, [.character("R")]), (.compare, [.character("c")]), (.addToRoster, [.character("a")]),
                (.open, [.enter]), (.exportCreators, [.character("e")]), (.forget, [.character("d")]),
                (.help, [.character("?")]), (.back, back),
            ]),
            .compare: bindings([
                (.moveDown, [.character("j"), .down]), (.moveUp, [.character("k"), .up]), (.pageDown, [.pageDown, .character(" ")]),
                (.pageUp, [.pageUp]), (.first, [.character("g"), .home]), (.last, [.character("G"), .end]),
                (.nextColumns, [.right, .character("l")]), (.previousColumns, [.left, .character("h")]),
                (.exportComparison, [.character("e")]), (.help, [.character("?")]),
                (.back, [.escape, .character("q"), .backspace]),
            ]),
            .creator: bindings([
                (.moveDown, [.character("j"), .down]), (.moveUp, [.character("k"), .up]), (.pageDown, [.pageDown, .character(" ")]),
                (.pageUp, [.pageUp]), (.first, [.character("g"), .home]), (.last, [.character("G"), .end]),
                (.showPosts, [.character("p")]), (.exactNumbers, [.character("x")]), (.exportPosts, [.character("e")]),
                (.help, [.character("?")]), (.back, back),
            ]),
            .posts: bindings(moves + [
                (.switchTab, [.tab]), (.sort, [.character("o")]), (.reverseSort, [.character("O")]), (.filter, [.character("/")]),
                (.sponsoredOnly, [.character("s")]), (.open, [.enter]), (.help, [.character("?")]), (.back, back),
            ]),
            .post: bindings([(.help, [.character("?")]), (.back, back + [.enter])]),
            .help: bindings([
                (.moveDown, [.character("j"), .down]), (.moveUp, [.character("k"), .up]), (.pageDown, [.pageDown, .character(" ")]),
                (.pageUp, [.pageUp]), (.first, [.character("g"), .home]), (.last, [.character("G"), .end]),
                (.back, [.escape, .character("?"), .character("q"), .enter, .backspace]),
            ]),
            .details: bindings([(.back, [.escape, .enter, .character("q"), .backspace])]),
            .newRequest: bindings([
                (.submit, [.enter]), (.nextChoice, [.tab, .down]), (.previousChoice, [.backTab, .up]), (.back, [.escape]),
            ]),
            .confirm: bindings([(.confirm, [.character("y"), .character("Y")]), (.back, [.escape, .character("n"), .character("q")])]),
            .confirmBatch: bindings([
                (.confirm, [.character("y"), .character("Y")]), (.forceSubmit, [.character("f"), .character("F")]),
                (.back, [.escape, .character("n"), .character("q")]),
            ]),
            .joined: bindings([(.follow, [.enter]), (.forceSubmit, [.character("f"), .character("F")]), (.back, [.escape, .character("q")])]),
            .addToRoster: bindings([(.confirm, [.enter]), (.complete, [.tab]), (.back, [.escape])]),
            .views: bindings(moves + [(.confirm, [.enter]), (.back, [.escape, .character("q"), .character("V")])]),
            .renameRoster: bindings([(.confirm, [.enter]), (.back, [.escape])]),
            .setup: bindings([(.quit, [.character("q"), .escape])]),
        ])
    }()

    /// The command `key` runs on a screen, if any.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        table[context]?.first { $0.key == key }?.command
    }

    /// The keys bound to `command` on a screen, in order.
    public func keys(for command: Command, in context: KeyContext) -> [Key] {
        (table[context] ?? []).filter { $0.command == command }.map(\.key)
    }

    /// The labels of the keys bound to `command` on a screen, e.g. "↑ k".
    public func labels(for command: Command, in context: KeyContext, ascii: Bool) -> String {
        keys(for: command, in: context).map { $0.label(ascii: ascii) }.joined(separator: " ")
    }

    /// Binds `keys` to `command` on a screen, in place of its keys; a key bound to
    /// another command of that screen leaves it.
    public mutating func bind(_ command: Command, to keys: [Key], in context: KeyContext) {
        var bindings = (table[context] ?? []).filter { $0.command != command && !keys.contains($0.key) }
        let position = (table[context] ?? []).firstIndex { $0.command == command } ?? bindings.count
        bindings.insert(contentsOf: keys.map { Binding(key: $0, command: command) }, at: min(position, bindings.count))
        table[context] = bindings
    }
}

import Presentation
import RefreshAPI
import TextGrid

/// A creator page: the report of a finished refresh (the report of `ylytic show`, in colour), scrolled line by line,
/// under a title bar. `p` opens its posts, `x` shows exact numbers, `e` writes the posts as CSV.
public struct CreatorPageScreen: ScrolledPage {
    public private(set) var page: CreatorPage
    public internal(set) var scroll = PageScroll()

    public init(page: CreatorPage) {
        self.page = page
    }

    public var context: KeyContext { .creator }

    func lineCount(_ shared: Shared) -> Int {
        page.lines(width: shared.width, chartRoom: shared.height, ascii: shared.settings.ascii).count
    }

    private var posts: Posts? {
        page.record.response?.posts.flatMap { $0.video.isEmpty && $0.nonVideo.isEmpty ? nil : $0 }
    }

    public func offers(_ shared: Shared) -> [Offer] {
        var offers = PageScroll.offers(lines: lineCount(shared), visible: Self.visible(shared))
        if posts != nil {
            offers.append(Offer(.showPosts, "the posts table", hint: "posts", rank: 1))
            offers.append(Offer(.exportPosts, "write the posts as CSV", hint: "export posts (CSV)", rank: 5))
        }
        offers += [
            Offer(.exactNumbers, "exact numbers or short forms", hint: page.exact ? "short numbers" : "exact numbers", rank: 4),
            Offer(.help, "show this help", hint: "help", rank: 0),
            Offer(.back, shared.isOnlyScreen ? "quit" : "back", hint: shared.isOnlyScreen ? "quit" : "back", rank: 0),
        ]
        return offers
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        switch command {
        case .showPosts:
            guard let posts else { return .nothing }
            return .go(.open([.posts(PostsScreen(posts: posts, handle: page.handle, sort: shared.settings.postsSort))]))
        case .exportPosts:
            return Outcome([.exportPosts(page.record)])
        case .exactNumbers:
            page.exact.toggle()
            clampScroll(shared)
            shared.tell(page.exact ? "Exact numbers." : "Short numbers.")
        case .help:
            return .go(.show(.help(Help(context: context, offers: offers(shared)))))
        case .back:
            return .go(.close)
        default:
            _ = scroll.run(command, lines: lineCount(shared), visible: Self.visible(shared))
        }
        return .nothing
    }

    public mutating func hear(_ event: ScreenEvent, _ shared: inout Shared) -> Outcome {
        switch event {
        case .postText(let whole): page.takePostText(from: whole)
        case .resized: clampScroll(shared)
        default: break
        }
        return .nothing
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        grid.fill(area)
        let report = area.inset(top: 1)
        let view = CreatorPageView(page: page, scroll: scroll, chartRoom: shared.height)
        let position = scroll.position(lines: view.lines(width: report.width, shared).count, visible: report.height)
        grid.put(" ylytic ", in: area, x: 0, y: 0, style: shared.theme[.title])
        grid.put("creator" + position, in: area, x: 9, y: 0, style: shared.theme[.dim])
        view.drawReport(in: report, into: &grid, shared)
    }
}

/// Draws a creator page's report from a line, each line cut to the area with an ellipsis: on the creator page, and
/// alone in the preview pane.
struct CreatorPageView {
    let page: CreatorPage
    var scroll = PageScroll()
    /// The rows of the terminal, which decide between charts and sparklines.
    var chartRoom: Int?

    func lines(width: Int, _ shared: Shared) -> [StyledLine] {
        page.lines(width: width, chartRoom: chartRoom ?? shared.height - 2, ascii: shared.settings.ascii)
    }

    func drawReport(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        let lines = lines(width: area.width, shared)
        StyledLine.draw(lines, from: scroll.start(lines: lines.count, visible: area.height), in: area, into: &grid, shared)
    }
}

extension StyledLine {
    /// Draws `lines` from line `start` into `area`, a column in from its left edge, each cut to the area with an
    /// ellipsis and coloured by the roles of its runs.
    static func draw(_ lines: [StyledLine], from start: Int, in area: Rect, into grid: inout Grid, _ shared: Shared) {
        for (offset, line) in lines.dropFirst(start).prefix(area.height).enumerated() {
            var x = 1
            for run in line.truncated(to: area.width - 2, ellipsis: shared.glyphs.ellipsis).runs {
                x = grid.put(run.text, in: area, x: x, y: offset, style: shared.theme.style(run.role))
            }
        }
    }
}

extension Theme {
    /// The style of a role of the report's text.
    func style(_ role: TextRole) -> Style {
        switch role {
        case .plain: .plain
        case .heading: self[.title]
        case .label: self[.label]
        case .dim: self[.dim]
        case .positive: self[.positive]
        case .negative: self[.negative]
        case .warning: self[.warning]
        }
    }
}

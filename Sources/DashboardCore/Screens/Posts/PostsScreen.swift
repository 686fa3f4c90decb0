import Presentation
import RefreshAPI
import TextGrid

/// The posts of a creator page as a table: one kind at a time (Tab: videos or other posts), sorted, filtered by
/// caption or hashtag, sponsored ones only if asked; Enter shows a post whole.
public struct PostsScreen: Component {
    public let posts: Posts
    public private(set) var title: PostsTitle
    public private(set) var list: ListState<PostRow>

    public init(posts: Posts, handle: String, sort: SortOrder<PostColumn>) {
        let title = PostsTitle(
            handle: handle, videos: posts.video.count, others: posts.nonVideo.count,
            showsVideos: !posts.video.isEmpty || posts.nonVideo.isEmpty, sponsoredOnly: false)
        self.posts = posts
        self.title = title
        list = ListState(rows: Self.rows(of: posts, title), sort: sort)
    }

    public var context: KeyContext { .posts }

    /// The posts of the kind `title` shows (and sponsored, when only those are).
    private static func rows(of posts: Posts, _ title: PostsTitle) -> [PostRow] {
        let kind = title.showsVideos ? posts.video : posts.nonVideo
        return kind.enumerated().compactMap { index, post in
            title.sponsoredOnly && !post.sponsored ? nil : PostRow(id: index, post: post)
        }
    }

    /// Shows the rows of another kind, or only sponsored ones: the filter and the sort stay, the selection goes to
    /// the top.
    private mutating func showRows() {
        let filter = list.filter
        list = ListState(rows: Self.rows(of: posts, title), sort: list.sort)
        list.setFilter(filter, now: .distantPast)
    }

    /// The table: below the title bar, a blank line above the status bar.
    static func tableArea(_ shared: Shared) -> Rect {
        Rect(x: 0, y: 1, width: shared.width, height: max(0, shared.height - 3))
    }

    /// The columns that fit a width: the counts, then (from 100 columns) whether sponsored and the hashtags,
    /// and the caption in what is left.
    static func columns(forWidth width: Int, videos: Bool) -> [ShownColumn<PostColumn>] {
        var columns: [PostColumn] = [.date, .likes]
        if width >= 60 { columns += videos ? [.comments, .views] : [.comments] }
        columns.append(.engagement)
        if width >= 100 { columns += [.sponsored, .hashtags] }
        return (columns + [.caption]).map(\.shown)
    }

    public func offers(_ shared: Shared) -> [Offer] {
        var offers = list.offers(filterSummary: "filter by caption or hashtag")
        if title.videos > 0, title.others > 0 { offers.append(Offer(.switchTab, "videos or other posts", hint: "videos/posts", rank: 2)) }
        offers.append(Offer(.sponsoredOnly, title.sponsoredOnly ? "every post again" : "sponsored posts only", hint: "sponsored", rank: 5))
        if list.selected != nil { offers.append(Offer(.open, "the selected post whole", hint: "open", rank: 1)) }
        offers.append(Offer(.help, "show this help", hint: "help", rank: 6))
        offers.append(Offer(.back, "back", hint: "back", rank: 0))
        return offers
    }

    public mutating func run(_ command: Command, _ shared: inout Shared) -> Outcome {
        let area = Self.tableArea(shared)
        switch command {
        case .switchTab:
            title.showsVideos.toggle()
            showRows()
        case .sponsoredOnly:
            title.sponsoredOnly.toggle()
            showRows()
        case .open:
            guard let row = list.selected else { return .nothing }
            return .go(.open([.post(PostScreen(post: row.post, title: title))]))
        case .help:
            return .go(.show(.help(Help(context: context, offers: offers(shared)))))
        case .back:
            return .go(.close)
        default:
            let columns = Self.columns(forWidth: area.width, videos: title.showsVideos).map(\.column)
            _ = list.run(command, rowsInView: ListState<PostRow>.rowsInView(area), columns: columns, &shared)
        }
        return .nothing
    }

    public var isTyping: Bool { list.isEditingFilter }

    public mutating func type(_ key: Key, _ shared: inout Shared) -> Outcome {
        if isTyping { list.typeIntoFilter(key, rowsInView: ListState<PostRow>.rowsInView(Self.tableArea(shared)), now: shared.now) }
        return .nothing
    }

    public mutating func hear(_ event: ScreenEvent, _ shared: inout Shared) -> Outcome {
        if event == .resized { list.keepInView(rowsInView: ListState<PostRow>.rowsInView(Self.tableArea(shared))) }
        return .nothing
    }

    public mutating func point(_ mouse: MouseInput, in area: Rect, _ shared: inout Shared) -> Outcome {
        let table = Self.tableArea(shared)
        let opens = list.point(mouse, top: table.y + 1, rowsInView: ListState<PostRow>.rowsInView(table))
        return opens && offers(shared).offers(.open) ? run(.open, &shared) : .nothing
    }

    public func draw(in area: Rect, into grid: inout Grid, _ shared: Shared) {
        grid.fill(area)
        title.draw(in: area, into: &grid, shared, shown: list.visible.count)
        let table = Self.tableArea(shared)
        let empty = list.filter.isEmpty && !title.sponsoredOnly ? "No posts of this kind." : "No post matches."
        list.draw(Self.columns(forWidth: table.width, videos: title.showsVideos), in: table, into: &grid, shared, emptyText: empty) {
            row, column in column.cell(row.post, theme: shared.theme)
        } mark: { _ in nil }
    }

    public func statusLine(_ shared: Shared) -> String? {
        list.filterLine(cursor: shared.frame.cursor)
    }
}

/// The title bar of the posts table and of a post: the creator's handle, a tab per kind with its count, and
/// whether only sponsored posts show.
public struct PostsTitle: Sendable, Equatable {
    public let handle: String
    public let videos: Int
    public let others: Int
    public var showsVideos: Bool
    public var sponsoredOnly: Bool

    /// Draws the bar; `shown` is how many posts of the kind shown the table lets through (its filter, sponsored
    /// only), said as "12 of 76" when it is fewer than all.
    func draw(in area: Rect, into grid: inout Grid, _ shared: Shared, shown: Int? = nil) {
        let ellipsis = shared.glyphs.ellipsis
        var x = grid.put(" ylytic ", in: area, x: 0, y: 0, style: shared.theme[.title])
        let tabs = [(true, "Videos", videos), (false, "Posts", others)].map { isVideo, label, count in
            let counted = isVideo == showsVideos && shown.map { $0 < count } == true ? "\(shown!) of \(count)" : "\(count)"
            return (isVideo, " \(label) \(counted) ")
        }
        let tabsWidth = tabs.reduce(0) { $0 + 1 + DisplayWidth.of($1.1) }
        let handleRoom = max(4, area.width - x - 1 - tabsWidth)
        x = grid.put(
            " " + SafeText.sanitize(handle) + " ", in: area.inset(right: max(0, area.width - x - 1 - handleRoom)), x: x + 1, y: 0,
            style: shared.theme[.dim], ellipsis: ellipsis)
        for (isVideo, label) in tabs {
            x = grid.put(
                label, in: area, x: x + 1, y: 0, style: isVideo == showsVideos ? shared.theme[.activeTab] : shared.theme[.tab],
                ellipsis: ellipsis)
        }
        if sponsoredOnly { grid.put("  sponsored only", in: area, x: x, y: 0, style: shared.theme[.warning]) }
    }
}

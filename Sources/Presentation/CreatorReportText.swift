import Foundation
import RefreshAPI
import TextGrid

/// A finished refresh as a readable text report, for `ylytic show`: who the
/// creator is, the headline figures, growth, both trends as sparklines, and the
/// top posts. Every string from the server is sanitised before it is laid out.
public struct CreatorReportText {
    public var width: Int
    public var glyphs: GlyphSet
    /// How many posts the top-posts table lists.
    public var topPosts: Int
    /// Whole numbers instead of short forms (10,001 rather than 10.0k).
    public var exact: Bool
    /// Rows of the taller trend chart, 0 for sparklines only.
    public var chartHeight: Int
    /// Whether the posts were read without their text, still to come: their captions show as an ellipsis.
    public var captionsPending: Bool

    public init(
        width: Int = 100, glyphs: GlyphSet = .unicode, topPosts: Int = 10, exact: Bool = false, chartHeight: Int = 0,
        captionsPending: Bool = false
    ) {
        self.width = max(40, width)
        self.glyphs = glyphs
        self.topPosts = topPosts
        self.exact = exact
        self.chartHeight = chartHeight
        self.captionsPending = captionsPending
    }

    private func short(_ value: Double) -> String {
        exact && value == value.rounded() && value.magnitude < 1e15 ? NumberFormat.grouped(Int(value)) : NumberFormat.compact(value)
    }

    /// The report's lines; `history` (oldest first) adds what changed since the previous refresh.
    public func lines(for record: RefreshRecord, history: [HistoryPoint] = []) -> [StyledLine] {
        var lines: [StyledLine] = []
        lines += header(record)
        if history.count >= 2 {
            lines.append(StyledLine())
            lines += refreshes(history)
        }
        guard let report = record.response else {
            if record.state == .succeeded { lines.append(StyledLine("The server sent no data for this request.", role: .dim)) }
            return lines
        }
        let platform = record.request?.target?.type.platform ?? .instagram
        if let overview = report.profileOverview {
            lines.append(StyledLine())
            lines += profile(overview, details: report.profileDetails, platform: platform)
        }
        if let trends = report.growthTrends {
            lines.append(StyledLine())
            lines += growth(trends, platform: platform)
            lines.append(StyledLine())
            lines += self.trends(trends, platform: platform)
        }
        if let posts = report.posts, posts.video.count + posts.nonVideo.count >= 2 {
            let activity = PostingActivity(posts: posts, trends: report.growthTrends)
            if activity.postCount >= 2 {
                lines.append(StyledLine())
                lines += postingActivity(activity)
            }
        }
        if let posts = report.posts, !(posts.video.isEmpty && posts.nonVideo.isEmpty) {
            lines.append(StyledLine())
            lines += postTable(posts)
        }
        if let reach = report.reachAndEngagementDetails, !reach.isEmpty {
            lines.append(StyledLine())
            lines.append(StyledLine("Reach and engagement", role: .heading))
            for (key, value) in reach.flattened() {
                var line = StyledLine("  ")
                line.append(ColumnFit.pad(safe(key), to: 28, ellipsis: glyphs.ellipsis), role: .label)
                line.append(ColumnFit.truncate(safe(value), to: width - 30, ellipsis: glyphs.ellipsis))
                lines.append(line)
            }
        }
        return lines
    }

    private func safe(_ text: String?) -> String {
        SafeText.sanitize(text ?? "")
    }

    private func header(_ record: RefreshRecord) -> [StyledLine] {
        let report = record.response
        let target = record.request?.target
        var title = StyledLine()
        let name = safe(report?.profileDetails?.fullName)
        let handle = safe(report?.profileOverview?.handle ?? target?.value)
        if !name.isEmpty { title.append(name + "  ", role: .heading) }
        if !handle.isEmpty {
            title.append(target?.type.platform == .youtube || target == nil && handle.hasPrefix("UC") ? handle : "@" + handle)
        }
        var facts: [String] = []
        if let target { facts.append(target.type.platform.displayName) }
        if let overview = report?.profileOverview, let tier = DisplayedTier(overview: overview) {
            facts.append(tier.isDerived ? "\(tier.name) (derived)" : safe(tier.name))
        }
        if let category = report?.profileDetails?.category { facts.append(safe(category)) }
        let place = [report?.profileDetails?.city, report?.profileDetails?.country].compactMap { $0 }.map(safe)
            .filter { !$0.isEmpty }
        if !place.isEmpty { facts.append(place.joined(separator: ", ")) }
        if !facts.isEmpty { title.append("  " + facts.joined(separator: " \(glyphs.bullet) "), role: .dim) }

        var status = StyledLine("Request ", role: .label)
        status.append(safe(record.requestID.rawValue))
        if let target { status.append("  \(target.type.rawValue) \(safe(target.value))", role: .dim) }
        status.append("  ")
        switch record.state {
        case .succeeded: status.append("succeeded", role: .positive)
        case .pending: status.append("pending", role: .warning)
        case .failed, .unknown:
            status.append(safe(record.state.description), role: record.state.hasEnded ? .negative : .warning)
        }
        var times = StyledLine()
        if let requested = record.status?.requestAt {
            times.append("Requested ", role: .label)
            times.append(Timestamp.server(requested))
        }
        if let answered = record.status?.responseAt {
            times.append("  Answered ", role: .label)
            times.append(Timestamp.server(answered))
        }
        return [title, status, times].filter { !$0.description.isEmpty }
    }

    private func profile(_ overview: ProfileOverview, details: ProfileDetails?, platform: Platform) -> [StyledLine] {
        var lines = [StyledLine("Profile", role: .heading)]
        func figure(_ label: String, _ value: String?) -> StyledLine? {
            guard let value else { return nil }
            var line = StyledLine("  ")
            line.append(ColumnFit.pad(label, to: 16), role: .label)
            line.append(value)
            return line
        }
        let count = { (value: Int?) -> String? in
            value.map {
                let short = NumberFormat.compact(Double($0)), exact = NumberFormat.grouped($0)
                return short == exact ? exact : "\(short) (\(exact))"
            }
        }
        lines += [
            figure(platform == .youtube ? "Subscribers" : "Followers", count(overview.followers)),
            figure("Following", count(overview.following)),
            figure(platform == .youtube ? "Videos" : "Posts", count(overview.posts)),
            figure(
                "Engagement",
                overview.engagement.map {
                    "\(NumberFormat.percent($0))  " + (platform == .youtube
                        ? "(interactions per view)" : "(likes, comments and shares per follower)")
                }),
            figure("Content / week", overview.contentPerWeek.map { NumberFormat.decimal($0) }),
        ].compactMap { $0 }
        if let biography = details?.biography, !biography.isEmpty {
            let wrapped = ColumnFit.wrap(SafeText.sanitize(biography, keepingNewlines: true), to: width - 18)
            for (index, text) in wrapped.enumerated() {
                var line = StyledLine("  ")
                line.append(ColumnFit.pad(index == 0 ? "Biography" : "", to: 16), role: .label)
                line.append(text)
                lines.append(line)
            }
        }
        for (label, values) in [
            ("Links", details?.externalLinks ?? []), ("Hashtags", details?.hashtags ?? []),
            ("Mentions", details?.mentions ?? []), ("Brand mentions", details?.brandMentions ?? []),
            ("Email", [details?.email].compactMap { $0 }), ("Phone", [details?.mobile].compactMap { $0 }),
        ] where !values.isEmpty {
            let joined = values.map(safe).joined(separator: " ")
            lines.append(figure(label, ColumnFit.truncate(joined, to: width - 18, ellipsis: glyphs.ellipsis))!)
        }
        return lines
    }

    private func refreshes(_ history: [HistoryPoint]) -> [StyledLine] {
        let latest = history[history.count - 1], previous = history[history.count - 2]
        var lines = [StyledLine("Refreshes (\(history.count))", role: .heading)]
        var change = StyledLine("  ")
        change.append(ColumnFit.pad("Since \(Self.day(previous.date))", to: 26), role: .label)
        func signed(_ value: Double, _ text: String) {
            change.append(text + "  ", role: value > 0 ? .positive : value < 0 ? .negative : .plain)
        }
        if let now = latest.followers, let then = previous.followers {
            let percent = then == 0 ? "" : String(format: " (%+.1f%%)", Double(now - then) / Double(then) * 100)
            signed(Double(now - then), "followers \(now >= then ? "+" : "")\(NumberFormat.grouped(now - then))\(percent)")
        }
        if let now = latest.engagement, let then = previous.engagement {
            signed(now - then, String(format: "engagement %+.2f pt", now - then))
        }
        if let now = latest.posts, let then = previous.posts { signed(Double(now - then), "posts \(now >= then ? "+" : "")\(now - then)") }
        lines.append(change)
        for point in history.reversed().prefix(8) {
            var line = StyledLine("  ")
            line.append(ColumnFit.pad(Self.day(point.date), to: 26), role: .dim)
            line.append(
                ColumnFit.pad(
                    point.followers.map { short(Double($0)) } ?? glyphs.missing, to: exact ? 13 : 8, alignRight: true))
            line.append(ColumnFit.pad(point.engagement.map { NumberFormat.percent($0) } ?? glyphs.missing, to: 9, alignRight: true))
            line.append(ColumnFit.pad(point.posts.map { "\($0) posts" } ?? "", to: 12, alignRight: true), role: .dim)
            lines.append(line)
        }
        return lines
    }

    private static func day(_ date: Date) -> String {
        String(Timestamp.server(date).dropFirst(5).prefix(17))
    }

    private func growth(_ trends: GrowthTrends, platform: Platform) -> [StyledLine] {
        var header = StyledLine("Growth", role: .heading)
        header.append(String(repeating: " ", count: 12))
        for period in ["monthly", "quarterly", "yearly"] { header.append(ColumnFit.pad(period, to: 12, alignRight: true), role: .label) }
        var lines = [header]
        let rows: [(String, [Double?])] = [
            (platform == .youtube ? "Subscribers" : "Followers",
             [trends.monthlyFollowersGrowth, trends.quarterlyFollowersGrowth, trends.yearlyFollowersGrowth]),
            ("Engagement", [trends.monthlyEngagementGrowth, trends.quarterlyEngagementGrowth, trends.yearlyEngagementGrowth]),
        ]
        for (label, values) in rows {
            var line = StyledLine("  ")
            line.append(ColumnFit.pad(label, to: 16), role: .label)
            for value in values {
                guard let value else {
                    line.append(ColumnFit.pad(glyphs.missing, to: 12, alignRight: true), role: .dim)
                    continue
                }
                let arrow = value > 0 ? glyphs.rising : value < 0 ? glyphs.falling : glyphs.steady
                let role: TextRole = value > 0 ? .positive : value < 0 ? .negative : .plain
                line.append(ColumnFit.pad("\(arrow) \(NumberFormat.signedPercent(value))", to: 12, alignRight: true), role: role)
            }
            lines.append(line)
        }
        return lines
    }

    private func trends(_ trends: GrowthTrends, platform: Platform) -> [StyledLine] {
        var lines = [StyledLine("Trends", role: .heading)]
        let sparkWidth = max(10, min(90, width - 16))
        let audience = platform == .youtube ? "Subscribers" : "Followers"
        for (label, points, isPercent) in [(audience, trends.followers, false), ("Engagement", trends.engagement, true)] {
            var line = StyledLine("  ")
            line.append(ColumnFit.pad(label, to: 12), role: .label)
            guard let first = points.first, let last = points.last else {
                line.append("no data", role: .dim)
                lines.append(line)
                continue
            }
            let values = points.map(\.value)
            let show = { (value: Double) in isPercent ? NumberFormat.percent(value) : short(value) }
            if chartHeight > 1 {
                lines.append(line)
                let rows = BlockChart.render(
                    values, width: max(10, width - 26), height: chartHeight, glyphs: glyphs, label: show)
                for row in rows { lines.append(StyledLine(String(repeating: " ", count: 4) + row)) }
            } else {
                line.append(Sparkline.render(values, width: sparkWidth, glyphs: glyphs))
                lines.append(line)
            }
            var figures = StyledLine(String(repeating: " ", count: 14))
            figures.append("\(first.date) \(glyphs.rightArrow) \(last.date)", role: .dim)
            figures.append("  min \(show(values.min()!))  max \(show(values.max()!))  last ")
            figures.append(show(last.value), role: .heading)
            lines.append(figures)
        }
        return lines
    }

    /// Posts per week over the window as a sparkline, and posts by weekday, each with a bar.
    private func postingActivity(_ activity: PostingActivity) -> [StyledLine] {
        var lines = [StyledLine("Posting activity", role: .heading)]
        var weekly = StyledLine("  ")
        weekly.append(ColumnFit.pad("Per week", to: 12), role: .label)
        weekly.append(Sparkline.render(activity.weekly.map(Double.init), width: max(10, min(90, width - 16)), glyphs: glyphs))
        lines.append(weekly)
        if let window = activity.window {
            var figures = StyledLine(String(repeating: " ", count: 14))
            figures.append("\(window.lowerBound) \(glyphs.rightArrow) \(window.upperBound)", role: .dim)
            figures.append("  \(activity.postCount) of the posts sent, ")
            figures.append(NumberFormat.decimal(activity.perWeek), role: .heading)
            figures.append(" a week")
            lines.append(figures)
        }
        var days = StyledLine("  ")
        days.append(ColumnFit.pad("By weekday", to: 12), role: .label)
        let busiest = max(1, activity.byWeekday.max() ?? 1)
        let levels = glyphs.sparkLevels
        for (index, count) in activity.byWeekday.enumerated() {
            let level = count == 0 ? 0 : 1 + (count * (levels.count - 2)) / busiest
            days.append(PostingActivity.weekdays[index] + " ")
            days.append(String(levels[min(levels.count - 1, level)]), role: count == busiest ? .positive : .plain)
            days.append(" \(count)" + (index < 6 ? (width < 90 ? " " : "  ") : ""), role: .dim)
        }
        lines.append(days)
        return lines
    }

    private func postTable(_ posts: Posts) -> [StyledLine] {
        let all = posts.video.count + posts.nonVideo.count
        let post = { (index: Int) in
            index < posts.video.count ? (posts.video[index], "video") : (posts.nonVideo[index - posts.video.count], "photo")
        }
        // Scored in place: a post copied out for its score would be copied twenty thousand times.
        let top = Self.best(topPosts, of: all) { index in
            (index < posts.video.count ? posts.video[index].engagement : posts.nonVideo[index - posts.video.count].engagement)
                ?? -1
        }.map(post)
        var lines = [StyledLine("Top posts by engagement (\(top.count) of \(all))", role: .heading)]
        let layout = TableLayout(
            [
                TableColumn("Date", width: 10), TableColumn("Kind", width: 5), TableColumn("Likes", width: 7, alignRight: true),
                TableColumn("Comments", width: 8, alignRight: true), TableColumn("Views", width: 7, alignRight: true),
                TableColumn("Eng.", width: 7, alignRight: true), TableColumn("Ad", width: 3), TableColumn("Caption", minWidth: 10, maxWidth: nil),
            ], width: width)
        /// A row of the table, the caption last and not padded, so that no line ends in spaces.
        func row(_ cells: [String], role: TextRole) -> StyledLine {
            var line = StyledLine(String(repeating: " ", count: TableLayout.margin))
            for (index, cell) in cells.enumerated() {
                let isLast = index == cells.count - 1
                let text = isLast
                    ? ColumnFit.truncate(cell, to: layout.widths[index], ellipsis: glyphs.ellipsis)
                    : layout.fit(cell, column: index, ellipsis: glyphs.ellipsis) + String(repeating: " ", count: TableLayout.gap)
                line.append(text, role: role)
            }
            return line
        }
        lines.append(row(layout.columns.map(\.title), role: .label))
        for (post, kind) in top {
            let count = { (value: Int?) in value.map { short(Double($0)) } ?? glyphs.missing }
            lines.append(row([
                post.postedDate?.description ?? glyphs.missing, kind, count(post.likes), count(post.comments),
                kind == "video" ? count(post.views) : glyphs.missing, post.engagement.map { NumberFormat.percent($0) } ?? glyphs.missing,
                post.sponsored ? "yes" : "", captionsPending ? glyphs.ellipsis : safe(post.caption),
            ], role: .plain))
        }
        return lines
    }

    /// The positions of the `count` highest scores among `0..<total`, best first, earlier first among equals (as
    /// a stable sort would give them), found without sorting or copying everything.
    static func best(_ count: Int, of total: Int, score: (Int) -> Double) -> [Int] {
        guard count > 0 else { return [] }
        var best: [(index: Int, score: Double)] = []
        best.reserveCapacity(count + 1)
        for index in 0..<total {
            let value = score(index)
            if best.count == count, let last = best.last, !(value > last.score) { continue }
            best.insert((index, value), at: best.firstIndex { value > $0.score } ?? best.count)
            if best.count > count { best.removeLast() }
        }
        return best.map(\.index)
    }
}

import ArgumentParser
import Foundation
import Presentation
import RefreshTracking
import TextGrid

/// `ylytic creators`: every creator in the store with its latest figures, the Creators tab's twin.
struct CreatorsCommand: YlyticCommand {
    static let configuration = CommandConfiguration(
        commandName: "creators",
        abstract: "List the creators in the store with their latest figures.",
        discussion: """
            Each creator with its name, handle, platform, tier, followers and their change since the refresh \
            before, engagement, posts a week, category, place, when it was last refreshed and whether its rosters \
            count it stale. --where selects by a query, as / does on the Creators tab; --csv and --json write \
            every field in full, with RFC 3339 times. --view starts from a saved view of config.yml (views:): its \
            query, which --where narrows, its sort, which --sort replaces, and its columns.
            """)

    @OptionGroup var selection: CreatorSelectionOptions

    @Option(name: .long, help: ArgumentHelp("Start from a saved view of config.yml (views:).", valueName: "name"))
    var view: String?

    @Flag(name: .long, help: "Write CSV (RFC 4180) instead of a table.")
    var csv = false

    @OptionGroup var storage: StoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if csv && output.json { throw ValidationError("give --csv or --json, not both") }
    }

    func execute(_ context: CommandContext) async throws(CommandFailure) -> ExitStatus {
        let view = try savedView(context)
        _ = try selection.creatorQuery(view: view)
        _ = try selection.creatorSort(view: view)
        guard let store = try await storage.openForReading(context) else {
            if output.json { context.stdout.line("[]") }
            if csv { context.stdout.write(CreatorsCSV.text([])) }
            context.stderr.line("ylytic: no creators yet: there is no store at \((try storage.address(context)))")
            return .succeeded
        }
        let (listings, selected) = try await selection.select(from: store, now: context.time.now, view: view)
        CreatorListingOutput(listings: listings, columns: view?.columns ?? [], csv: csv, output: output).write(context)
        if selected > listings.count {
            context.stderr.line("ylytic: the first \(listings.count) of \(selected) creators; --limit 0 shows all")
        } else if listings.isEmpty {
            context.stderr.line(
                selection.query == nil && view == nil
                    ? "ylytic: no creators in \(store.location)" : "ylytic: no creator matches the query")
        }
        return .succeeded
    }

    /// The view `--view` names, as the config file holds it; an input error (exit 2) when it holds none of that
    /// name, or one it cannot read.
    private func savedView(_ context: CommandContext) throws(CommandFailure) -> CreatorView? {
        guard let name = view else { return nil }
        let config = LoadedConfig(environment: context.environment)
        let views = config.reading.settings.views
        if let found = views.first(where: { $0.name == name }) ?? views.first(where: { $0.name.lowercased() == name.lowercased() }) {
            return found
        }
        let path = SafeText.sanitize(config.file.path)
        let key = "views.\(name)".lowercased()
        if let problem = config.reading.problems.first(where: { $0.key.lowercased() == key || $0.key.lowercased().hasPrefix(key + ".") }) {
            throw CommandFailure(
                message: "the view '\(SafeText.sanitize(name))' in \(path) cannot be used: \(SafeText.sanitize(problem.description))",
                status: .invalidInput)
        }
        let names = config.reading.settings.views.map { "'\(SafeText.sanitize($0.name))'" }
        throw CommandFailure(
            message: "no view named '\(SafeText.sanitize(name))' in \(path)"
                + (names.isEmpty ? " (it has no views: see the README)" : "; the views are \(names.joined(separator: ", "))"),
            status: .invalidInput)
    }
}

/// Creators written as a table fitting the terminal, as CSV or as JSON.
struct CreatorListingOutput {
    let listings: [CreatorListing]
    /// The columns a saved view shows, in its order; empty for the standard ones.
    var columns: [CreatorField] = []
    let csv: Bool
    let output: OutputOptions

    /// The columns of the table, most wanted first; the last ones go first when the terminal is narrow.
    static let tableFields: [CreatorField] = [
        .handle, .followers, .engagement, .refreshed, .stale, .tier, .name, .change, .postsPerWeek, .platform, .place,
        .category,
    ]
    /// The order the table shows them in.
    static let tableOrder: [CreatorField] = [
        .name, .handle, .platform, .tier, .followers, .change, .engagement, .postsPerWeek, .category, .place, .refreshed,
        .stale,
    ]

    func write(_ context: CommandContext) {
        if output.json {
            context.stdout.line(JSONOutput.encode(listings.map(ListedCreator.init)))
            return
        }
        if csv {
            context.stdout.write(CreatorsCSV.text(listings, fields: columns.isEmpty ? CreatorsCSV.fields : columns))
            return
        }
        let now = context.time.now
        let fields = Self.fields(fitting: context.outputWidth, listings, now: now, wanted: columns)
        let table = PlainTable(
            columns: fields.map { field in
                .init(
                    field.header, listings.map { field.text($0, now: now) }, alignRight: field.isNumber,
                    cutTo: Self.cuttable.contains(field) ? Self.cutWidth : nil)
            },
            maxWidth: context.outputWidth)
        let writer = output.writer(context)
        writer.write(table.styledLines())
    }

    /// The columns that may be cut, with an ellipsis, to at least ``cutWidth``: words that are still told apart
    /// when cut. A handle, a figure, a tier or an age is shown whole or not at all.
    static let cuttable: Set<CreatorField> = [.name, .category, .city, .country, .place]
    static let cutWidth = 10

    /// The most wanted columns that have something to say and whose narrowest widths fit `width`, in the table's
    /// order; or the first of a view's columns (`wanted`) that fit, in its order.
    static func fields(fitting width: Int?, _ listings: [CreatorListing], now: Date, wanted: [CreatorField] = [])
        -> [CreatorField]
    {
        var chosen = wanted.isEmpty ? tableFields : wanted
        if let width {
            // A column with nothing to say (no creator stale, no place known) gives its room to one that has.
            if wanted.isEmpty, !listings.isEmpty {
                chosen.removeAll { field in field != .handle && listings.allSatisfy { field.text($0, now: now).isEmpty } }
            }
            func narrowest(_ field: CreatorField) -> Int {
                let widest = ([field.header] + listings.map { field.text($0, now: now) }).map(DisplayWidth.of).max() ?? 0
                return cuttable.contains(field) ? min(widest, max(cutWidth, DisplayWidth.of(field.header))) : widest
            }
            while chosen.count > 1, chosen.map(narrowest).reduce(0, +) + 2 * (chosen.count - 1) > width {
                chosen.removeLast()
            }
        }
        return wanted.isEmpty ? tableOrder.filter(chosen.contains) : chosen
    }
}

/// A creator as `creators --json` prints it: every field in full.
struct ListedCreator: Encodable {
    let platform: String
    let key: String
    let handle: String?
    let name: String?
    let tier: String?
    let followers: Int?
    let followersChange: Int?
    let engagement: Double?
    let postsPerWeek: Double?
    let growthMonth: Double?
    let sponsoredShare: Double?
    let category: String?
    let city: String?
    let country: String?
    let lastRefreshedAt: Date
    let stale: Bool

    init(_ listing: CreatorListing) {
        let creator = listing.creator
        platform = creator.platform
        key = creator.key
        handle = creator.handle
        name = creator.name
        tier = creator.tier
        followers = creator.followers
        followersChange = listing.followerChange
        engagement = creator.engagement
        postsPerWeek = creator.contentPerWeek
        growthMonth = creator.followersGrowthMonth
        sponsoredShare = creator.sponsoredShare
        category = creator.category
        city = creator.city
        country = creator.country
        lastRefreshedAt = creator.lastRefreshedAt
        stale = listing.isStale
    }

    enum CodingKeys: String, CodingKey {
        case platform, key, handle, name, tier, followers, followersChange = "followers_change", engagement
        case postsPerWeek = "posts_per_week", growthMonth = "growth_month", sponsoredShare = "sponsored_share"
        case category, city, country, lastRefreshedAt = "last_refreshed_at", stale
    }
}

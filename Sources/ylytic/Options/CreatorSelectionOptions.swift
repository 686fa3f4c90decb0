import ArgumentParser
import Foundation
import Presentation
import RefreshTracking
import TextGrid

/// Which creators a command lists, and in what order: `--where QUERY`, `--sort FIELD[:asc|desc]`, `--limit N`;
/// `--where` narrows what a saved view selects and `--sort` replaces its order.
struct CreatorSelectionOptions: ParsableArguments {
    @Option(
        name: .customLong("where"),
        help: ArgumentHelp(
            "Only the creators a query selects, e.g. 'tier:micro,mid er>3% city:pune refreshed<7d' (see the README).",
            valueName: "query"))
    var query: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Sort by a column, e.g. followers:desc, er, name:asc (default: refreshed, newest first).",
            valueName: "column[:asc|desc]"))
    var sort: String?

    @Option(name: .long, help: "Show the first N (0: all).")
    var limit = 0

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 (all) or more, not \(limit)") }
    }

    /// The query read (the view's and `--where`'s, both), or an input error (exit 2) that shows it with a caret
    /// under the fault.
    func creatorQuery(view: CreatorView? = nil) throws(CommandFailure) -> CreatorQuery {
        // The config check read the view's query already.
        let viewQuery = view.flatMap { try? CreatorQuery(parsing: $0.query) } ?? CreatorQuery(groups: [])
        guard let query else { return viewQuery }
        do {
            return try viewQuery.and(CreatorQuery(parsing: query))
        } catch {
            let pointed = SafeText.visible(error.pointing(at: query)).split(separator: "\n")
                .map { "  " + $0 }
            throw CommandFailure(
                message: "--where cannot be read:\n" + pointed.joined(separator: "\n"), status: .invalidInput)
        }
    }

    func creatorSort(view: CreatorView? = nil) throws(CommandFailure) -> CreatorSort {
        guard let sort else { return view?.sort ?? .newestFirst }
        do {
            return try CreatorSort(parsing: sort)
        } catch {
            throw CommandFailure(message: "--sort " + SafeText.sanitize(error.message), status: .invalidInput)
        }
    }

    /// The creators of `store` the query (and the view's) selects at `now`, in order, at most `limit`; and how many it selected in all.
    func select(from store: any TrackingStore, now: Date, view: CreatorView? = nil) async throws(CommandFailure)
        -> (shown: [CreatorListing], selected: Int)
    {
        let query = try creatorQuery(view: view)
        let order = try creatorSort(view: view)
        let creators: [StoredCreator]
        let context: QueryContext
        do {
            // The creators and the rosters they are in are read at once. What the store can answer through its
            // indexes it answers; the rest of the query is asked below.
            async let rosters = QueryContext.read(from: store, now: now)
            if let prefilter = CreatorPrefilter(query, now: now) {
                creators = try await store.creators(where: prefilter)
            } else {
                creators = try await store.creators()
            }
            context = try await rosters
        } catch {
            throw CommandFailure(message: "the store failed: \(error)", status: .invalidInput)
        }
        let selected = query.filter(creators, in: context)
            .map { CreatorListing($0, isStale: context.isStale($0)) }
        let sorted = order.sorted(selected)
        return (limit == 0 ? sorted : Array(sorted.prefix(limit)), selected.count)
    }
}

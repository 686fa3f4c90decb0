import FuzzEntry
import Foundation
import RefreshTracking

/// Any text as a creator query: a query, or a fault pointed at inside the text, never a crash; a query is asked of
/// creators with and without figures, and its SQL binds a value for every placeholder.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCreatorQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    do {
        let query = try CreatorQuery(parsing: text)
        let creators = [
            StoredCreator(platform: "instagram", key: "bare", lastRefreshedAt: now),
            StoredCreator(
                id: 1, platform: "youtube", key: "UCx", handle: "x", name: "X", tier: "lower-mid", followers: 120_000,
                engagement: 3.2, contentPerWeek: 2, followersGrowthMonth: -1, sponsoredShare: 40, category: "Food",
                city: "Pune", country: "India", biography: "bio", lastRefreshedAt: now - 86_400),
        ]
        _ = query.filter(creators, in: QueryContext(now: now, rosters: [1: [.init(name: "r", maxAge: 60)]]))
        if let prefilter = CreatorPrefilter(query, now: now) {
            let (sql, values) = prefilter.sql { _ in "?" }
            guard sql.count(where: { $0 == "?" }) == values.count else {
                fatalError("'\(text)' gave SQL with \(sql.count(where: { $0 == "?" })) placeholders for \(values.count) values")
            }
        }
    } catch {
        guard (0...text.count).contains(error.offset) else {
            fatalError("'\(text)' was faulted at \(error.offset), outside its \(text.count) characters")
        }
        _ = error.pointing(at: text)
        _ = error.inline(text)
    }
    return 0
}

/// The program's entry (SwiftPM links `main` to it).
@_cdecl("FuzzCreatorQuery_main")
public func runFuzzCreatorQuery(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv)
}

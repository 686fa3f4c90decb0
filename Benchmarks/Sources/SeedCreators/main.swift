import Foundation
import RefreshAPI
import RefreshStore
import RefreshTestSupport
import RefreshTracking

// Fills a store with CREATORS creators refreshed REFRESHES times each, a day apart, ending now (both platforms,
// every tier, categories, places, engagement, growth and sponsored posts varied), and a roster of the first
// thousand with a maximum age of a week, for timing `ylytic creators --where …` as a whole process.
// Run: swift run -c release seed-creators PATH [CREATORS] [REFRESHES]     (default 5000 × 20)

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: seed-creators PATH [CREATORS] [REFRESHES]\n".utf8))
    exit(2)
}
let creatorCount = arguments.dropFirst().first.flatMap { Int($0) } ?? 5_000
let refreshCount = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 20
let store = try RefreshStore(url: URL(fileURLWithPath: path))
let now = Date()
let categories = ["Food", "Travel", "Technology", "Fashion", "Fitness", "Music", "Comedy", "Education"]
let places = [("Pune", "India"), ("Mumbai", "India"), ("Delhi", "India"), ("Lyon", "France"), ("Austin", "United States")]


func record(_ index: Int, round: Int) -> RefreshRecord {
    let youtube = index % 4 == 3
    let handle = youtube ? "UC" + String(format: "%022d", index) : "creator\(index)"
    let base = [800, 5_000, 40_000, 180_000, 400_000, 800_000, 2_000_000, 9_000_000][index % 8]
    let followers = base + index * 7 + round * (base / 200)
    var record = StoreSamples.record(
        "seed-\(index)-\(round)", message: "success", followers: followers, handle: handle,
        type: youtube ? .youtube : .instagram)
    record.response?.profileOverview?.engagement = Double(index % 90) / 10
    record.response?.profileOverview?.contentPerWeek = Double(index % 15) / 2
    record.response?.profileDetails?.fullName = "Creator \(index)"
    record.response?.profileDetails?.category = categories[index % categories.count]
    record.response?.profileDetails?.city = places[index % places.count].0
    record.response?.profileDetails?.country = places[index % places.count].1
    record.response?.profileDetails?.biography = "Creator number \(index), posting about \(categories[index % categories.count])"
    record.response?.growthTrends = GrowthTrends(monthlyFollowersGrowth: Double((index * 37 + round * 11) % 101 - 50) / 10)
    return record
}

let started = Date()
for round in 0..<refreshCount {
    let date = now - Double(refreshCount - 1 - round) * 86_400
    for index in 0..<creatorCount {
        try await store.recordSubmittedAndFinished(record(index, round: round), body: Data("{}".utf8), at: date + Double(index) / 1000)
    }
    FileHandle.standardError.write(Data("round \(round + 1) of \(refreshCount) written\n".utf8))
}
let members = try (0..<min(1_000, creatorCount)).map { index in
    index % 4 == 3
        ? try RefreshTarget(type: .youtube, value: "UC" + String(format: "%022d", index))
        : try RefreshTarget(type: .instagram, value: "creator\(index)")
}
_ = try await store.addToRoster(try RosterName("summer-26"), members, at: now, creating: true)
try await store.setMaxAge(of: "summer-26", to: 7 * 86_400)
print("\(creatorCount) creators × \(refreshCount) refreshes in \(path) (\(Int(Date().timeIntervalSince(started))) s)")

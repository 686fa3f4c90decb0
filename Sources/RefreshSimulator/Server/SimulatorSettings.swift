import Foundation
import RefreshAPI

/// How a simulator runs.
public struct SimulatorSettings: Sendable {
    /// The address to listen on; loopback by default.
    public var host = "127.0.0.1"
    /// The port; 0 takes any free one.
    public var port = 0
    /// The bearer tokens accepted; any other gets 401.
    public var tokens: [String] = ["demo-token"]
    /// How long a refresh stays pending, drawn per request.
    public var processingTime: ClosedRange<TimeInterval> = 2...20
    /// Faults for the whole run.
    public var faults = FaultSettings()
    /// When set, every finished refresh has exactly this many posts (an oversized response).
    public var postCount: Int?
    /// Whether creators' figures move with the day and between refreshes (``CreatorFactory/drifts``); a drifting
    /// refresh's trends and posts end on the day it was requested.
    public var drifts = false
    /// The day trends and posts end on; today (UTC) by default.
    public var anchor = CalendarDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400))
    /// Receives one line per request (`POST /ylytic/api/v1/data_refresh/requests 201 0.4 ms`); never the token.
    public var log: (@Sendable (String) -> Void)?

    public init() {}

    /// Reads a latency range written `MIN-MAX` in seconds (`2-20`, `0.1-0.5`), or one number.
    public static func processingTime(parsing text: String) throws(SimulatorSettingsError) -> ClosedRange<TimeInterval> {
        let parts = text.split(separator: "-", maxSplits: 1).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard let low = parts.first ?? nil, let high = parts.count == 2 ? parts[1] : low, low >= 0, high >= low,
            high <= 86_400
        else {
            throw SimulatorSettingsError("latency '\(text)' must be MIN-MAX in seconds, e.g. 2-20")
        }
        return low...high
    }
}

import ArgumentParser
import Foundation

/// Checks a duration given in seconds on the command line.
enum Seconds {
    /// The longest wait accepted: a year.
    static let longest: TimeInterval = 366 * 86_400

    /// Refuses what is not a number of seconds more than zero and at most a year (inf, nan, 1e308, -1, 0).
    static func check(_ seconds: Double?, option: String) throws {
        guard let seconds else { return }
        guard seconds.isFinite, seconds > 0 else {
            throw ValidationError("\(option) must be a positive number of seconds, not '\(seconds)'")
        }
        guard seconds <= longest else {
            throw ValidationError("\(option) must be at most \(Int(longest)) seconds (a year), not '\(seconds)'")
        }
    }
}

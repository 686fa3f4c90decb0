import ArgumentParser
import Foundation

/// A duration as typed on the command line: `90` or `90s`, `10m`, `1h`, `7d`; `0` for none.
enum DurationText {
    static func seconds(_ text: String, option: String) throws -> TimeInterval {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [Character: TimeInterval] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        var number = Substring(trimmed)
        var unit: TimeInterval = 1
        if let last = trimmed.last, let scale = units[last] {
            unit = scale
            number = number.dropLast()
        }
        guard let value = Double(number), value.isFinite, value >= 0, value * unit <= Seconds.longest else {
            throw ValidationError("\(option) must be a duration such as 90s, 10m, 1h or 7d (0 for none), not '\(text)'")
        }
        return value * unit
    }
}

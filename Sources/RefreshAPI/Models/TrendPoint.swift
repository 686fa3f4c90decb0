/// One dated value of a trend series.
public struct TrendPoint: Hashable, Sendable, Encodable {
    public let date: CalendarDate
    public let value: Double

    public init(date: CalendarDate, value: Double) {
        self.date = date
        self.value = value
    }
}

/// Reads the API's trend encoding, a list of single-key objects keyed by date
/// (`[{"2023-12-01": {"followers": 0.8}}, …]`), into date-sorted points. The inner value is read whatever its
/// key (the first one); an inner plain number is accepted too. A key that is not a date is an error.
enum TrendSeries {
    static func read(_ reader: inout JSONReader) throws(ResponseUnreadable) -> [TrendPoint] {
        var points: [TrendPoint] = []
        try reader.readArray { reader, _ throws(ResponseUnreadable) in
            guard try !reader.readNull() else { return }
            // Within one entry a repeated date counts once, its last value.
            var entry: [(date: CalendarDate, value: Double?)] = []
            try reader.readObject { reader, key throws(ResponseUnreadable) in
                guard let date = CalendarDate(parsing: key) else {
                    throw reader.problem("'\(key)' is not a YYYY-MM-DD date")
                }
                let value = try innerValue(&reader)
                if let index = entry.firstIndex(where: { $0.date == date }) { entry.remove(at: index) }
                entry.append((date, value))
            }
            for (date, value) in entry {
                if let value { points.append(TrendPoint(date: date, value: value)) }
            }
        }
        if !points.isSorted(by: { $0.date <= $1.date }) {
            points.sort { $0.date < $1.date }
        }
        return points
    }

    /// The value of one date: a number, a numeric string, or an object whose first value is one.
    private static func innerValue(_ reader: inout JSONReader) throws(ResponseUnreadable) -> Double? {
        guard try reader.kind() == .object else { return try reader.lenientDouble() }
        var value: Double?
        var isFirst = true
        try reader.readObject { reader, _ throws(ResponseUnreadable) in
            if isFirst {
                value = try reader.lenientDouble()
                isFirst = false
            } else {
                try reader.skipValue()
            }
        }
        return value
    }
}

extension Array {
    func isSorted(by areInOrder: (Element, Element) -> Bool) -> Bool {
        zip(self, dropFirst()).allSatisfy { areInOrder($0, $1) }
    }
}

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
        var list = try reader.beginList()
        while try reader.nextElement(in: &list) {
            if let entry = reader.compactTrendEntry() {
                points.append(TrendPoint(date: entry.date, value: entry.value))
                continue
            }
            guard try !reader.readNull() else { continue }
            // Within one entry a repeated date (written two ways) counts once, its last value. Nearly every entry
            // holds one date, kept without a list.
            var only: (date: CalendarDate, value: Double?)?
            var entry: [(date: CalendarDate, value: Double?)] = []
            var object = try reader.beginObject()
            while let key = try reader.nextKey(in: &object) {
                guard let date = key.isEscaped ? CalendarDate(parsing: key.text) : CalendarDate(utf8: key.raw) else {
                    throw reader.problem("'\(key.text)' is not a YYYY-MM-DD date")
                }
                let value = try innerValue(&reader)
                guard let first = only else {
                    only = (date, value)
                    continue
                }
                if entry.isEmpty { entry.append(first) }
                if let index = entry.firstIndex(where: { $0.date == date }) { entry.remove(at: index) }
                entry.append((date, value))
            }
            if entry.isEmpty {
                if let only, let value = only.value { points.append(TrendPoint(date: only.date, value: value)) }
            } else {
                for (date, value) in entry {
                    if let value { points.append(TrendPoint(date: date, value: value)) }
                }
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
        var object = try reader.beginObject()
        var isFirst = true
        // Only the first value counts, so a repeated key needs no telling apart.
        while try reader.nextMember(in: &object) != nil {
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

/// One dated value of a trend series.
public struct TrendPoint: Hashable, Sendable, Codable {
    public let date: CalendarDate
    public let value: Double

    public init(date: CalendarDate, value: Double) {
        self.date = date
        self.value = value
    }
}

/// Reads the API's trend encoding, an array of single-key objects keyed by date
/// (`[{"2023-12-01": {"followers": 0.8}}, …]`), into date-sorted points. The inner
/// value is read whatever its key; an inner plain number is accepted too.
struct TrendSeries: Decodable {
    let points: [TrendPoint]

    init(from decoder: any Decoder) throws {
        var list = try decoder.unkeyedContainer()
        var points: [TrendPoint] = []
        points.reserveCapacity(list.count ?? 0)
        while !list.isAtEnd {
            if try list.decodeNil() { continue }
            let entry = try list.nestedContainer(keyedBy: AnyCodingKey.self)
            for key in entry.allKeys {
                guard let date = CalendarDate(parsing: key.stringValue) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: entry, debugDescription: "'\(key.stringValue)' is not a YYYY-MM-DD date")
                }
                guard let value = try Self.innerValue(in: entry, key: key) else { continue }
                points.append(TrendPoint(date: date, value: value))
            }
        }
        if !points.isSorted(by: { $0.date <= $1.date }) {
            points.sort { $0.date < $1.date }
        }
        self.points = points
    }

    private static func innerValue(in entry: KeyedDecodingContainer<AnyCodingKey>, key: AnyCodingKey) throws
        -> Double?
    {
        if try entry.decodeNil(forKey: key) { return nil }
        if let inner = try? entry.nestedContainer(keyedBy: AnyCodingKey.self, forKey: key) {
            guard let innerKey = inner.allKeys.first else { return nil }
            return try inner.decodeIfPresent(LenientNumber.self, forKey: innerKey)?.value
        }
        return try entry.decode(LenientNumber.self, forKey: key).value
    }
}

extension Array {
    func isSorted(by areInOrder: (Element, Element) -> Bool) -> Bool {
        zip(self, dropFirst()).allSatisfy { areInOrder($0, $1) }
    }
}

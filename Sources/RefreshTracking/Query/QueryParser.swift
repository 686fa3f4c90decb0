import Foundation
import RefreshAPI

/// Reads the text of a ``CreatorQuery`` into groups of terms, pointing at the first character that cannot be read.
struct QueryParser {
    /// A word of the query (its quotes dropped), the offset in characters of its first character, and of each of its
    /// characters in the query.
    private struct Word {
        var text: String
        var offset: Int
        var offsets: [Int] = []

        /// The offset in the query of what is `offset` counted as if the word's characters stood side by side from
        /// its start (quotes shift what follows them).
        func source(_ offset: Int) -> Int {
            let index = offset - self.offset
            guard index >= 0, !offsets.isEmpty else { return offset }
            return index < offsets.count ? offsets[index] : offsets[offsets.count - 1] + 1
        }
    }

    /// The longest query read: what a person types, or a saved view.
    static let maximumLength = 2_000

    private let text: String

    init(_ text: String) {
        self.text = text
    }

    func parse() throws(QueryError) -> [[QueryTerm]] {
        guard text.count <= Self.maximumLength else {
            throw QueryError(offset: Self.maximumLength, "a query is at most \(Self.maximumLength) characters")
        }
        var groups: [[QueryTerm]] = []
        var group: [QueryTerm] = []
        var lastOr: Word?
        for word in try words() {
            if word.text == "OR" {
                guard !group.isEmpty else { throw QueryError(offset: word.offset, "expected a term before OR") }
                groups.append(group)
                group = []
                lastOr = word
                continue
            }
            do {
                group.append(try term(word))
            } catch {
                throw QueryError(offset: word.source(error.offset), error.message)
            }
        }
        if let lastOr, group.isEmpty { throw QueryError(offset: lastOr.offset, "expected a term after OR") }
        if !group.isEmpty { groups.append(group) }
        return groups
    }

    /// The words, split at white space outside double quotes; quotes group words and are dropped.
    private func words() throws(QueryError) -> [Word] {
        var words: [Word] = []
        var current: Word?
        var quoteOffset: Int?
        for (offset, character) in text.enumerated() {
            if character == "\"" {
                quoteOffset = quoteOffset == nil ? offset : nil
                if current == nil { current = Word(text: "", offset: offset) }
            } else if character.isWhitespace, quoteOffset == nil {
                if let word = current { words.append(word) }
                current = nil
            } else {
                if current == nil { current = Word(text: "", offset: offset) }
                current!.text.append(character)
                current!.offsets.append(offset)
            }
        }
        if let quoteOffset { throw QueryError(offset: quoteOffset, "this quote is never closed") }
        if let word = current, !word.text.isEmpty { words.append(word) }
        return words
    }

    private func term(_ word: Word) throws(QueryError) -> QueryTerm {
        var body = word.text[...]
        var offset = word.offset
        let negated = body.count > 1 && body.first == "-"
        if negated {
            body = body.dropFirst()
            offset += 1
        }
        if body.lowercased() == "stale" { return QueryTerm(.stale, negated: negated) }
        let split = body.firstIndex { ":<>=".contains($0) }
        guard let split else { return QueryTerm(.text(String(body)), negated: negated) }
        let name = body[..<split].lowercased()
        let nameEnd = offset + body.distance(from: body.startIndex, to: split)
        if body[split] == ":" {
            let value = String(body[body.index(after: split)...])
            return QueryTerm(try keyed(name, value, at: offset, valueAt: nameEnd + 1), negated: negated)
        }
        guard !name.isEmpty else { throw QueryError(offset: nameEnd, "expected a figure before '\(body[split])'") }
        var rest = body[split...]
        let comparison = QueryComparison.allCases.filter { rest.hasPrefix($0.rawValue) }.max { $0.rawValue.count < $1.rawValue.count }!
        rest = rest.dropFirst(comparison.rawValue.count)
        let valueAt = nameEnd + comparison.rawValue.count
        if name == "refreshed" {
            guard comparison != .equal else {
                throw QueryError(offset: nameEnd, "compare a time with < or > (refreshed<7d: within 7 days)")
            }
            return QueryTerm(
                .refreshed(comparison, try duration(String(rest), at: valueAt, after: comparison.rawValue)), negated: negated)
        }
        guard let field = Self.numberField(name) else {
            throw QueryError(offset: offset, "unknown figure '\(name)' (\(Self.figureNames))")
        }
        return QueryTerm(
            .compare(field, comparison, try number(String(rest), at: valueAt, after: comparison.rawValue)), negated: negated)
    }

    /// `tier:micro,mid`, `platform:youtube`, `city:pune`, `followers:10k..500k`.
    private func keyed(_ name: String, _ value: String, at offset: Int, valueAt: Int) throws(QueryError)
        -> QueryTerm.Condition
    {
        if let field = Self.numberField(name) {
            guard let dots = value.range(of: "..") else {
                return .compare(field, .equal, try number(value, at: valueAt, after: name + ":"))
            }
            let low = String(value[..<dots.lowerBound]), high = String(value[dots.upperBound...])
            let highAt = valueAt + value.distance(from: value.startIndex, to: dots.upperBound)
            guard !low.isEmpty || !high.isEmpty else {
                throw QueryError(offset: valueAt, "expected a bound on at least one side of '..'")
            }
            return .between(
                field, low.isEmpty ? nil : try number(low, at: valueAt, after: name + ":"),
                high.isEmpty ? nil : try number(high, at: highAt, after: ".."))
        }
        guard let field = TextField(rawValue: name) else {
            throw QueryError(
                offset: offset,
                "unknown field '\(name)' (\((TextField.allCases.map(\.rawValue) + ["followers"]).joined(separator: ", ")))")
        }
        let parts = value.split(separator: ",")
        let values = parts.map { $0.lowercased() }
        guard !values.isEmpty else { throw QueryError(offset: valueAt, "expected a value after '\(name):'") }
        // Where the value at `index` starts in the query, to point at it.
        func start(_ index: Int) -> Int { valueAt + value.distance(from: value.startIndex, to: parts[index].startIndex) }
        switch field {
        case .platform:
            if let bad = values.firstIndex(where: { Self.platforms[$0] == nil }) {
                throw QueryError(offset: start(bad), "unknown platform '\(values[bad])' (instagram, youtube)")
            }
            return .oneOf(field, values.compactMap { Self.platforms[$0] })
        case .tier:
            let known = Set(InfluencerTier.allCases.map(\.rawValue) + ["mid"])
            if let bad = values.firstIndex(where: { !known.contains($0) }) {
                throw QueryError(
                    offset: start(bad),
                    "unknown tier '\(values[bad])' (\(InfluencerTier.allCases.map(\.rawValue).joined(separator: ", ")), mid)")
            }
            return .oneOf(field, values)
        case .category, .city, .country, .roster:
            return .oneOf(field, values)
        }
    }

    private static let platforms = ["instagram": "instagram", "ig": "instagram", "youtube": "youtube", "yt": "youtube"]

    private static func numberField(_ name: String) -> NumberField? {
        NumberField(rawValue: name) ?? NumberField.aliases[name]
    }

    private static let figureNames = (NumberField.allCases.map(\.rawValue) + ["refreshed"]).joined(separator: ", ")

    /// `3`, `2.5`, `-1`, `10k`, `1.2m`, `3%`.
    private func number(_ text: String, at offset: Int, after what: String) throws(QueryError) -> Double {
        var digits = text[...]
        if digits.hasSuffix("%") { digits = digits.dropLast() }
        var scale = 1.0
        if let last = digits.last?.lowercased() {
            if last == "k" { scale = 1_000 } else if last == "m" { scale = 1_000_000 }
            if scale != 1 { digits = digits.dropLast() }
        }
        guard let first = text.first, first.isNumber || first == "-" || first == "." else {
            throw QueryError(offset: offset, "expected a number after '\(what)'")
        }
        guard let value = Double(digits), value.isFinite else {
            let bad = text.firstIndex { !($0.isNumber || $0 == "." || $0 == "-") } ?? text.endIndex
            throw QueryError(offset: offset + text.distance(from: text.startIndex, to: bad), "'\(text)' is not a number")
        }
        return value * scale
    }

    /// `30s`, `15m`, `12h`, `7d`, `2w`: seconds.
    private func duration(_ text: String, at offset: Int, after what: String) throws(QueryError) -> TimeInterval {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]
        guard let first = text.first, first.isNumber else {
            throw QueryError(offset: offset, "expected a time like 7d after '\(what)'")
        }
        guard let unit = text.last.flatMap({ units[Character($0.lowercased())] }), let amount = Double(text.dropLast()),
            amount.isFinite
        else {
            throw QueryError(offset: offset, "'\(text)' is not a time like 30m, 12h, 7d or 2w")
        }
        return amount * unit
    }
}

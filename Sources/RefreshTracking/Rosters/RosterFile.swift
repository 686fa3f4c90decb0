import Foundation
import RefreshAPI

/// A list of creators read from a file: a text file with one target per line, or a CSV whose column named
/// `handle`, `url` or `creator` (else its first column) holds them; its first row is a header unless its first cell
/// is plainly a target (an `@handle`, an address or an id). Each entry is read as
/// ``RefreshTarget/init(listEntry:)`` reads it; bad lines are kept with their numbers and reasons, and a target
/// given twice is counted once.
public struct RosterFile: Sendable, Equatable {
    /// A line that holds no target, and why.
    public struct Problem: Sendable, Equatable {
        /// The line's number in the file, from 1.
        public var line: Int
        public var reason: String

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// How the file was read.
    public enum Layout: Sendable, Equatable {
        /// One target per line; blank lines and lines starting with `#` are skipped.
        case lines
        /// A CSV; the targets are in this column (its header, or "1" for the first column of a file without one).
        case csv(column: String)
    }

    /// The largest file read, in bytes.
    public static let maximumSize = 16 << 20

    /// Every target, in the order of the file, each once.
    public var targets: [RefreshTarget]
    public var problems: [Problem]
    /// Entries that repeat a target given before (merged into it).
    public var duplicates: Int
    public var layout: Layout

    /// Refuses a post (`instagram_post`, `youtube_post`): a roster lists creators.
    public static func checkIsACreator(_ target: RefreshTarget) throws(TargetValidationError) {
        guard target.type.isSinglePost else { return }
        throw TargetValidationError(
            "that is a post (\(target)); a roster lists creators: give the creator's @handle, address or id")
    }

    /// Reads `data`, named `name` in messages (a `.csv` name makes it a CSV, as does a first line with a comma);
    /// with `creatorsOnly`, a post is a bad line. Throws when the file as a whole cannot be a list: empty, not
    /// text, too large, without a single target, or a CSV without a column of targets.
    public static func read(_ data: Data, name: String, creatorsOnly: Bool = false) throws(RosterError) -> RosterFile {
        guard data.count <= maximumSize else {
            throw RosterError("\(name) is larger than \(maximumSize >> 20) MB, the most a list of creators is read up to")
        }
        guard !data.contains(0), var text = String(validating: data, as: UTF8.self) else {
            throw RosterError("\(name) is not a text file (give one target per line, or a CSV)")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw RosterError("\(name) is empty: give one target per line (@handle, address, id), or a CSV")
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        var file: RosterFile
        if name.lowercased().hasSuffix(".csv") || firstLine.contains(",") {
            file = try readCSV(text, name: name, creatorsOnly: creatorsOnly)
        } else {
            file = readLines(text, creatorsOnly: creatorsOnly)
        }
        guard !file.targets.isEmpty || !file.problems.isEmpty else {
            throw RosterError("\(name) lists no creators (only a header, blank lines or comments)")
        }
        return file
    }

    private static func readLines(_ text: String, creatorsOnly: Bool) -> RosterFile {
        var file = RosterFile(targets: [], problems: [], duplicates: 0, layout: .lines)
        var seen: Set<RefreshTarget> = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let entry = line.trimmingCharacters(in: .whitespaces)
            guard !entry.isEmpty, !entry.hasPrefix("#") else { continue }
            file.take(entry, line: index + 1, creatorsOnly: creatorsOnly, seen: &seen)
        }
        return file
    }

    private static func readCSV(_ text: String, name: String, creatorsOnly: Bool) throws(RosterError) -> RosterFile {
        let records = CSVRecords.parse(text)
        guard let header = records.first else { throw RosterError("\(name) is empty") }
        let names = header.cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let named = ["handle", "url", "creator"].lazy.compactMap { wanted in names.firstIndex(of: wanted) }.first
        let column = named ?? 0
        // A first row is a header unless its first cell is plainly a target: a bare word there ("name") is a title.
        let firstCell = header.cells.first?.trimmingCharacters(in: .whitespaces) ?? ""
        let isPlainlyATarget =
            (try? RefreshTarget(listEntry: firstCell)).map { $0.type != .instagram || firstCell.hasPrefix("@") || firstCell.contains("/") }
            ?? false
        let hasHeader = named != nil || !isPlainlyATarget
        let columnName = hasHeader ? header.cells[column].trimmingCharacters(in: .whitespaces) : "1"
        var file = RosterFile(targets: [], problems: [], duplicates: 0, layout: .csv(column: columnName))
        var seen: Set<RefreshTarget> = []
        for record in records.dropFirst(hasHeader ? 1 : 0) {
            guard record.cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { continue }
            guard column < record.cells.count, !record.cells[column].trimmingCharacters(in: .whitespaces).isEmpty else {
                file.problems.append(Problem(line: record.line, reason: "nothing in the column '\(columnName)'"))
                continue
            }
            file.take(record.cells[column], line: record.line, creatorsOnly: creatorsOnly, seen: &seen)
        }
        if named == nil, file.targets.isEmpty, !file.problems.isEmpty {
            throw RosterError(
                "no column of \(name) holds creators: its first column ('\(columnName)') has no handle, address or id; "
                    + "name the column of creators handle, url or creator")
        }
        return file
    }

    private mutating func take(_ entry: some StringProtocol, line: Int, creatorsOnly: Bool, seen: inout Set<RefreshTarget>) {
        do {
            let target = try RefreshTarget(listEntry: String(entry))
            if creatorsOnly { try Self.checkIsACreator(target) }
            if seen.insert(target).inserted {
                targets.append(target)
            } else {
                duplicates += 1
            }
        } catch {
            problems.append(Problem(line: line, reason: error.message))
        }
    }
}

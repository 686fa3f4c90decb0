import DashboardCore
import Presentation
import Yams

/// `sort:` of the config file: the column each table starts sorted by, optionally
/// followed by `asc` or `desc` (`requests: followers desc`).
enum SortSection {
    static func read(_ node: Node, into reading: inout ConfigFile.Reading) {
        guard let tables = node.mapping else {
            reading.problems.append(ConfigProblem(line: node.mark?.line, key: "sort", message: "expected a table per line (requests, creators, posts)"))
            return
        }
        for (tableNode, value) in tables {
            let table = tableNode.scalar?.string ?? ""
            let path = "sort.\(table)"
            let line = value.mark?.line
            let words = (value.scalar?.string ?? "").split(separator: " ").map { $0.lowercased() }
            guard !words.isEmpty, words.count <= 2 else {
                reading.problems.append(ConfigProblem(line: line, key: path, message: "expected a column, then asc or desc if you like"))
                continue
            }
            var direction: Bool?
            if words.count == 2 {
                switch words[1] {
                case "asc": direction = true
                case "desc": direction = false
                default:
                    reading.problems.append(ConfigProblem(line: line, key: path, message: "'\(words[1])' is neither asc nor desc"))
                    continue
                }
            }
            switch table {
            case "requests":
                guard let column = choose(RequestColumn.self, words[0], line: line, path: path, into: &reading) else { continue }
                reading.settings.requestsSort = SortOrder(column, ascending: direction ?? column.sortsAscendingFirst)
            case "creators":
                guard let column = CreatorField(named: words[0]) else {
                    let known = CreatorField.allCases.map(\.rawValue).joined(separator: ", ")
                    reading.problems.append(
                        ConfigProblem(line: line, key: path, message: "no such column '\(words[0])' (the columns are \(known))"))
                    continue
                }
                reading.settings.creatorsSort = SortOrder(column, ascending: direction ?? column.sortsAscendingFirst)
            case "posts":
                guard let column = choose(PostColumn.self, words[0], line: line, path: path, into: &reading) else { continue }
                reading.settings.postsSort = SortOrder(column, ascending: direction ?? column.sortsAscendingFirst)
            default:
                reading.problems.append(ConfigProblem(line: tableNode.mark?.line, key: path, message: "no such table (the tables are requests, creators, posts)"))
                continue
            }
            reading.lines[path] = line
        }
    }

    private static func choose<Column: RawRepresentable & CaseIterable>(
        _ type: Column.Type, _ name: String, line: Int?, path: String, into reading: inout ConfigFile.Reading
    ) -> Column? where Column.RawValue == String {
        if let column = Column(rawValue: name) { return column }
        let known = Column.allCases.map(\.rawValue).joined(separator: ", ")
        reading.problems.append(ConfigProblem(line: line, key: path, message: "no such column '\(name)' (the columns are \(known))"))
        return nil
    }
}

import Foundation
import Presentation
import RefreshTracking
import TextGrid
import Yams

/// `views:` of the config file: saved views of the creators, each a name with a query, a sort and the columns to
/// show (all but the name may be left out).
///
/// ```yaml
/// views:
///   - name: pune food
///     query: category:food city:pune er>3%
///     sort: er:desc
///     columns: [name, handle, followers, er, place]
/// ```
enum ViewsSection {
    static let fields = ["name", "query", "sort", "columns"]

    static func read(_ node: Node, into reading: inout ConfigFile.Reading) {
        guard let entries = node.sequence else {
            reading.problems.append(
                ConfigProblem(line: node.mark?.line, key: "views", message: "expected a list of views, each with a name, a query, a sort and columns"))
            return
        }
        for (index, entry) in entries.enumerated() {
            if let view = readView(entry, index: index, into: &reading) {
                if reading.settings.views.contains(where: { $0.name.lowercased() == view.name.lowercased() }) {
                    reading.problems.append(
                        ConfigProblem(
                            line: entry.mark?.line, key: "views.\(view.name)",
                            message: "an earlier view has this name (names are compared whatever their case)"))
                    continue
                }
                reading.settings.views.append(view)
                reading.lines["views.\(view.name)"] = entry.mark?.line
            }
        }
    }

    /// The view an entry describes, or nil (and the problems) when its name or any setting is wrong.
    private static func readView(_ entry: Node, index: Int, into reading: inout ConfigFile.Reading) -> CreatorView? {
        guard let mapping = entry.mapping else {
            reading.problems.append(
                ConfigProblem(line: entry.mark?.line, key: "views", message: "expected a view (name, query, sort, columns), found \(entry.kindName)"))
            return nil
        }
        guard let name = mapping["name"]?.scalar?.string.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            reading.problems.append(ConfigProblem(line: entry.mark?.line, key: "views", message: "view \(index + 1) has no name"))
            return nil
        }
        let hidden = name.unicodeScalars.contains { [.control, .format, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory) }
        guard !hidden, SafeText.visible(name) == name else {
            reading.problems.append(
                ConfigProblem(
                    line: entry.mark?.line, key: "views",
                    message: "view \(index + 1)'s name '\(SafeText.visible(name))' holds a control or invisible character"))
            return nil
        }
        var view = CreatorView(name: name)
        var sound = true
        func problem(_ node: Node?, _ field: String, _ message: String) {
            reading.problems.append(ConfigProblem(line: node?.mark?.line, key: "views.\(name).\(field)", message: message))
            sound = false
        }
        for (keyNode, value) in mapping {
            let field = keyNode.scalar?.string ?? ""
            switch field {
            case "name":
                continue
            case "query":
                guard let text = value.scalar?.string else {
                    problem(value, field, "expected a query such as 'tier:micro er>3% city:pune'")
                    continue
                }
                do {
                    _ = try CreatorQuery(parsing: text)
                    view.query = text
                } catch {
                    problem(value, field, "'\(text)' cannot be read: \(error.inline(text))")
                }
            case "sort":
                do {
                    view.sort = try CreatorSort(parsing: value.scalar?.string ?? "")
                } catch {
                    problem(value, field, error.message)
                }
            case "columns":
                let names = value.sequence.map { $0.map { $0.scalar?.string ?? "" } }
                    ?? value.scalar.map { $0.string.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                    ?? []
                let columns = names.compactMap(CreatorField.init(named:))
                if names.isEmpty || columns.count < names.count {
                    let unknown = names.filter { CreatorField(named: $0) == nil }
                    let known = CreatorField.allCases.map(\.rawValue).joined(separator: ", ")
                    problem(
                        value, field,
                        unknown.isEmpty
                            ? "expected a list of columns (\(known))"
                            : "no such column \(unknown.map { "'\($0)'" }.joined(separator: ", ")) (the columns are \(known))")
                } else if let twice = columns.first(where: { column in columns.filter { $0 == column }.count > 1 }) {
                    problem(value, field, "'\(twice.rawValue)' is listed twice")
                } else {
                    view.columns = columns
                }
            default:
                problem(keyNode, field, "no such setting of a view (a view has \(fields.joined(separator: ", ")))")
            }
        }
        return sound ? view : nil
    }
}

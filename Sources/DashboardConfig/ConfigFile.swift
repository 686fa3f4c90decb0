import DashboardCore
import Yams

/// The dashboard's config file, `config.yml`: keys per screen, colours by role, the sort
/// of each table, saved views of the creators, the preview pane, the mouse, how finished refreshes are told, and how large a batch of refreshes
/// may be before it asks. Read from its text; what is wrong is reported with its line and
/// setting, and leaves that setting at its default.
///
/// ```yaml
/// keys:
///   list:
///     quit: [q, <c-c>]
///     moveDown: [j, <down>]
///   creator:
///     showPosts: P
/// theme:
///   selected: {fg: white, bg: "#005f87"}
///   failed: {fg: 196, bold: true}
/// sort:
///   requests: followers desc
///   posts: likes
/// views:
///   - name: pune food
///     query: category:food city:pune er>3%
///     sort: er:desc
///     columns: [name, handle, followers, er]
/// preview: false
/// mouse: false
/// notify: osc
/// confirm_above: 50
/// ```
public enum ConfigFile {
    /// The settings the text makes, what was wrong with it, and the line each setting came from.
    public struct Reading: Sendable {
        public var settings = DashboardSettings()
        public var problems: [ConfigProblem] = []
        /// The line each setting was set on, by its dotted path.
        public var lines: [String: Int] = [:]

        /// The standard settings, nothing wrong.
        public init() {}
    }

    /// The settings the file may hold, for messages.
    static let sections = ["keys", "theme", "sort", "views", "preview", "mouse", "notify", "confirm_above"]

    /// Reads the text of a config file. Text that is not YAML gives the standard settings and one problem.
    public static func read(_ text: String) -> Reading {
        var reading = Reading()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            reading.problems.append(Self.problem(error))
            return reading
        } catch {
            reading.problems.append(ConfigProblem(line: nil, key: "", message: "not YAML: \(error)"))
            return reading
        }
        guard let root, !["", "~", "null"].contains(root.scalar?.string ?? "-") else { return reading }
        guard let mapping = root.mapping else {
            reading.problems.append(ConfigProblem(line: root.mark?.line, key: "", message: "expected settings (\(sections.joined(separator: ", "))), found \(root.kindName)"))
            return reading
        }
        for (keyNode, value) in mapping {
            let name = keyNode.scalar?.string ?? ""
            switch name {
            case "keys": KeysSection.read(value, into: &reading)
            case "theme": ThemeSection.read(value, into: &reading)
            case "sort": SortSection.read(value, into: &reading)
            case "views": ViewsSection.read(value, into: &reading)
            case "notify":
                if let style = value.scalar.flatMap({ NotificationStyle(rawValue: $0.string) }) {
                    reading.settings.notify = style
                    reading.lines[name] = value.mark?.line
                } else {
                    reading.problems.append(
                        ConfigProblem(
                            line: value.mark?.line, key: name,
                            message: "expected one of \(NotificationStyle.allCases.map(\.rawValue).joined(separator: ", "))"))
                }
            case "confirm_above":
                if let count = value.int, count >= 0 {
                    reading.settings.confirmAbove = count
                    reading.lines[name] = value.mark?.line
                } else {
                    reading.problems.append(
                        ConfigProblem(
                            line: value.mark?.line, key: name,
                            message: "expected a number of creators, 0 or more (a refresh of more asks first)"))
                }
            case "preview", "mouse":
                if let on = value.bool {
                    if name == "preview" { reading.settings.preview = on } else { reading.settings.mouse = on }
                    reading.lines[name] = value.mark?.line
                } else {
                    reading.problems.append(ConfigProblem(line: value.mark?.line, key: name, message: "expected true or false"))
                }
            default:
                reading.problems.append(
                    ConfigProblem(line: keyNode.mark?.line, key: name, message: "no such setting (the settings are \(sections.joined(separator: ", ")))"))
            }
        }
        // In the order of the file, whichever check found them.
        reading.problems = reading.problems.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        return reading
    }

    private static func problem(_ error: YamlError) -> ConfigProblem {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams's own message repeats the whole mapping; name the keys and where the mapping starts.
            ConfigProblem(
                line: context.mark.line, key: duplicates.joined(separator: ", "),
                message: "set twice in the mapping that starts here; each setting may appear once")
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            ConfigProblem(line: mark.line, key: "", message: "not YAML: \(problem)")
        default:
            ConfigProblem(line: nil, key: "", message: "not YAML: \(error)")
        }
    }
}

extension Node {
    /// What kind of node this is, for messages.
    var kindName: String {
        switch self {
        case .scalar(let scalar): "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// A YAML boolean (true, false, yes, no, on, off).
    var bool: Bool? {
        guard let text = scalar?.string.lowercased() else { return nil }
        switch text {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}

import DashboardCore
import Foundation
import TextGrid
import Yams

/// `theme:` of the config file: per role (selected, failed, tableHeader…), its whole style:
/// `selected: {fg: white, bg: "#005f87", bold: true}` (what is left out is off; roles not
/// named keep the standard look). A colour is a name (red,
/// brightCyan, default), a palette number (0-255) or `#rrggbb`; the terminal shows the
/// nearest it has.
enum ThemeSection {
    static func read(_ node: Node, into reading: inout ConfigFile.Reading) {
        guard let roles = node.mapping else {
            reading.problems.append(ConfigProblem(line: node.mark?.line, key: "theme", message: "expected a role per line, e.g. selected: {bg: blue}"))
            return
        }
        for (roleNode, value) in roles {
            let name = roleNode.scalar?.string ?? ""
            let path = "theme.\(name)"
            guard let role = ThemeRole(rawValue: name) else {
                let known = ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
                reading.problems.append(ConfigProblem(line: roleNode.mark?.line, key: path, message: "no such role (the roles are \(known))"))
                continue
            }
            guard let attributes = value.mapping else {
                reading.problems.append(ConfigProblem(line: value.mark?.line, key: path, message: "expected {fg: …, bg: …, bold: true…}"))
                continue
            }
            // A role's style is what the file gives: attributes it leaves out are off (not the standard
            // look's), so that `bg:` on the selection is not drawn reversed.
            var style = Style.plain
            var good = true
            for (attributeNode, setting) in attributes {
                let attribute = attributeNode.scalar?.string ?? ""
                let line = setting.mark?.line
                switch attribute {
                case "fg", "bg":
                    guard let color = setting.scalar.flatMap({ ColorName.read($0.string) }) else {
                        reading.problems.append(
                            ConfigProblem(line: line, key: "\(path).\(attribute)", message: "'\(setting.scalar?.string ?? setting.kindName)' is not a colour (\(ColorName.help))"))
                        good = false
                        continue
                    }
                    if attribute == "fg" { style.foreground = color } else { style.background = color }
                case "bold", "dim", "reverse", "underline":
                    guard let on = setting.bool else {
                        reading.problems.append(ConfigProblem(line: line, key: "\(path).\(attribute)", message: "expected true or false"))
                        good = false
                        continue
                    }
                    switch attribute {
                    case "bold": style.bold = on
                    case "dim": style.dim = on
                    case "reverse": style.reverse = on
                    default: style.underline = on
                    }
                default:
                    reading.problems.append(
                        ConfigProblem(line: attributeNode.mark?.line, key: "\(path).\(attribute)", message: "no such attribute (fg, bg, bold, dim, reverse, underline)"))
                    good = false
                }
            }
            guard good else { continue }
            reading.settings.theme[role] = style
            reading.lines[path] = value.mark?.line
        }
    }
}

/// Colours as the config file writes them.
public enum ColorName {
    static let help = "a name such as red or brightCyan, default, a number from 0 to 255, or #rrggbb"

    private static let names: [(String, TerminalColor)] = [
        ("default", .default), ("black", .black), ("red", .red), ("green", .green), ("yellow", .yellow), ("blue", .blue),
        ("magenta", .magenta), ("cyan", .cyan), ("white", .white), ("gray", .gray), ("brightRed", .brightRed),
        ("brightGreen", .brightGreen), ("brightYellow", .brightYellow), ("brightBlue", .brightBlue),
        ("brightMagenta", .brightMagenta), ("brightCyan", .brightCyan), ("brightWhite", .brightWhite),
    ]

    /// The colour a config file names, or nil.
    public static func read(_ text: String) -> TerminalColor? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let named = names.first(where: { $0.0.lowercased() == text.lowercased() }) { return named.1 }
        if text.lowercased() == "grey" { return .gray }
        if let index = UInt8(text) { return .indexed(index) }
        guard text.hasPrefix("#"), text.count == 7, let value = UInt32(text.dropFirst(), radix: 16) else { return nil }
        return .rgb(UInt8(value >> 16), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }

    /// How the config file writes a colour.
    public static func write(_ color: TerminalColor) -> String {
        switch color {
        case .indexed(let index): return String(index)
        case .rgb(let red, let green, let blue):
            return "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        default: return names.first { $0.1 == color }?.0 ?? "default"
        }
    }

    /// How the config file writes a style.
    public static func write(_ style: Style) -> String {
        var parts: [String] = []
        if style.foreground != .default { parts.append("fg: \(write(style.foreground))") }
        if style.background != .default { parts.append("bg: \(write(style.background))") }
        for (name, on) in [("bold", style.bold), ("dim", style.dim), ("reverse", style.reverse), ("underline", style.underline)] where on {
            parts.append("\(name): true")
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }
}

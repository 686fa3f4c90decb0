import DashboardCore
import Yams

/// `keys:` of the config file: per screen (list, creator, posts, post), each command with
/// a key or a list of keys, named as lazygit names them.
enum KeysSection {
    static func read(_ node: Node, into reading: inout ConfigFile.Reading) {
        guard let screens = node.mapping else {
            reading.problems.append(ConfigProblem(line: node.mark?.line, key: "keys", message: "expected a screen per line (\(contextNames))"))
            return
        }
        for (screenNode, commands) in screens {
            let screenName = screenNode.scalar?.string ?? ""
            guard let context = KeyContext(rawValue: screenName) else {
                reading.problems.append(
                    ConfigProblem(line: screenNode.mark?.line, key: "keys.\(screenName)", message: "no such screen (the screens are \(contextNames))"))
                continue
            }
            guard let pairs = commands.mapping else {
                reading.problems.append(
                    ConfigProblem(line: commands.mark?.line, key: "keys.\(screenName)", message: "expected a command per line, e.g. quit: q"))
                continue
            }
            var configured: [(command: Command, keys: [Key], line: Int?)] = []
            for (commandNode, keysNode) in pairs {
                let commandName = commandNode.scalar?.string ?? ""
                let path = "keys.\(screenName).\(commandName)"
                guard let command = Command(rawValue: commandName), context.commands.contains(command) else {
                    let known = context.commands.map(\.rawValue).joined(separator: ", ")
                    reading.problems.append(
                        ConfigProblem(line: commandNode.mark?.line, key: path, message: "no such command on this screen (its commands are \(known))"))
                    continue
                }
                guard let keys = Self.keys(keysNode, path: path, into: &reading) else { continue }
                if context.takesText, let typed = keys.first(where: { if case .character = $0 { true } else { false } }) {
                    reading.problems.append(
                        ConfigProblem(
                            line: keysNode.mark?.line, key: path,
                            message: "\(typed.configName) is typed into this box's field; give \(command.rawValue) a key that types nothing (<enter>, <tab>, <f2>…); the command keeps its keys"))
                    continue
                }
                configured.append((command, keys, keysNode.mark?.line))
            }
            reportClashes(configured, in: context, screenName: screenName, into: &reading)
            for (command, keys, line) in configured {
                reading.settings.bindings.bind(command, to: keys, in: context)
                reading.lines["keys.\(screenName).\(command.rawValue)"] = line
            }
        }
    }

    /// A key given to two commands of a screen, or taken from a command the file leaves
    /// alone, is reported (the command named last in the file gets it).
    private static func reportClashes(
        _ configured: [(command: Command, keys: [Key], line: Int?)], in context: KeyContext, screenName: String,
        into reading: inout ConfigFile.Reading
    ) {
        let rebound = Set(configured.map(\.command))
        var owners: [Key: Command] = [:]
        for (command, keys, line) in configured {
            for key in keys {
                let path = "keys.\(screenName).\(command.rawValue)"
                if let other = owners[key], other != command {
                    reading.problems.append(
                        ConfigProblem(line: line, key: path, message: "\(key.configName) is also given to \(other.rawValue); it goes to \(command.rawValue)"))
                } else if let standard = KeyBindings.standard.command(for: key, in: context), standard != command, !rebound.contains(standard) {
                    reading.problems.append(
                        ConfigProblem(
                            line: line, key: path,
                            message: "\(key.configName) is \(standard.rawValue)'s key on this screen; give \(standard.rawValue) other keys too, or choose another"))
                }
                owners[key] = command
            }
        }
    }

    private static var contextNames: String { KeyContext.allCases.map(\.rawValue).joined(separator: ", ") }

    /// The keys of one command: a name or a list of names; nil (with a problem) when one is no key.
    private static func keys(_ node: Node, path: String, into reading: inout ConfigFile.Reading) -> [Key]? {
        let names: [Node] =
            switch node {
            case .scalar: [node]
            case .sequence(let sequence): Array(sequence)
            default: []
            }
        guard !names.isEmpty else {
            reading.problems.append(ConfigProblem(line: node.mark?.line, key: path, message: "expected a key or a list of keys, e.g. [q, <c-c>]"))
            return nil
        }
        var keys: [Key] = []
        for name in names {
            if name.scalar?.string.lowercased() == "<c-c>" {
                reading.problems.append(ConfigProblem(line: name.mark?.line, key: path, message: "<c-c> always quits and cannot be bound; the command keeps its keys"))
                return nil
            }
            guard let text = name.scalar?.string, let key = Key(configName: text) else {
                reading.problems.append(
                    ConfigProblem(
                        line: name.mark?.line, key: path,
                        message: "'\(name.scalar?.string ?? name.kindName)' is not a key (write a character, or <c-x>, <enter>, <esc>, <tab>, <space>, <up>, <pgdown>, <f5>…); the command keeps its keys"))
                return nil
            }
            guard !keys.contains(key) else {
                reading.problems.append(ConfigProblem(line: name.mark?.line, key: path, message: "\(key.configName) is listed twice; the command keeps its keys"))
                return nil
            }
            keys.append(key)
        }
        return keys
    }
}

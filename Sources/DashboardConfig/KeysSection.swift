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
                reading.settings.bindings.bind(command, to: keys, in: context)
                reading.lines[path] = keysNode.mark?.line
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
            guard let text = name.scalar?.string, let key = Key(configName: text) else {
                reading.problems.append(
                    ConfigProblem(
                        line: name.mark?.line, key: path,
                        message: "'\(name.scalar?.string ?? name.kindName)' is not a key (write a character, or <c-x>, <enter>, <esc>, <tab>, <space>, <up>, <pgdown>, <f5>…); the command keeps its keys"))
                return nil
            }
            keys.append(key)
        }
        return keys
    }
}

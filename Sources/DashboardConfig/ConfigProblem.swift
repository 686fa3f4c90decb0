/// Something wrong in the config file: where (its line, when known, and the setting) and what.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// The line of the file, counted from 1.
    public let line: Int?
    /// The setting, as a dotted path (`keys.list.quit`); empty for the file as a whole.
    public let key: String
    public let message: String

    public init(line: Int?, key: String, message: String) {
        self.line = line
        self.key = key
        self.message = message
    }

    /// "line 4, keys.list.quit: '<c-1>' is not a key …"
    public var description: String {
        let place = [line.map { "line \($0)" }, key.isEmpty ? nil : key].compactMap { $0 }.joined(separator: ", ")
        return place.isEmpty ? message : "\(place): \(message)"
    }
}

import DashboardConfig
import DashboardCore
import Foundation
import RefreshAPI

/// The config file of this environment, read: `$XDG_CONFIG_HOME/ylytic/config.yml`
/// (`~/.config/ylytic/config.yml`). A missing file means the standard settings.
struct LoadedConfig: Sendable {
    let file: URL
    let exists: Bool
    let reading: ConfigFile.Reading

    init(environment: [String: String]) {
        file = ConfigDirectory(environment: environment).url.appendingPathComponent("config.yml")
        guard FileManager.default.fileExists(atPath: file.path) else {
            // A symbolic link that leads nowhere (a loop, a file gone) is there, and cannot be read.
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: file.path) {
                exists = true
                var broken = ConfigFile.Reading()
                broken.problems.append(
                    ConfigProblem(
                        line: nil, key: "",
                        message: "cannot be read: it is a symbolic link to \(target), which leads to no file (a loop, or a file gone)"))
                reading = broken
                return
            }
            exists = false
            reading = ConfigFile.Reading()
            return
        }
        exists = true
        guard let data = FileManager.default.contents(atPath: file.path) else {
            var unreadable = ConfigFile.Reading()
            unreadable.problems.append(ConfigProblem(line: nil, key: "", message: "cannot be read"))
            reading = unreadable
            return
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            var notText = ConfigFile.Reading()
            notText.problems.append(ConfigProblem(line: nil, key: "", message: "is not UTF-8 text"))
            reading = notText
            return
        }
        reading = ConfigFile.read(text)
    }

    /// One line for the dashboard's status bar about what was wrong, or nil when nothing was: how many
    /// problems first (the line may be cut), then the first of them.
    var notice: String? {
        guard let first = reading.problems.first else { return nil }
        let count = reading.problems.count == 1 ? "a problem" : "\(reading.problems.count) problems"
        let inForce = first.key.isEmpty ? "standard settings in force" : "other settings in force"
        return "\(file.lastPathComponent): \(count), \(inForce) (ylytic config check): \(first)"
    }
}

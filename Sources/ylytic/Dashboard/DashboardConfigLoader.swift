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

    /// One line for the dashboard's status bar about what was wrong, or nil when nothing was.
    var notice: String? {
        guard let first = reading.problems.first else { return nil }
        let more = reading.problems.count > 1 ? "; \(reading.problems.count - 1) more" : ""
        let inForce = first.key.isEmpty ? "standard settings in force" : "other settings in force"
        return "\(file.lastPathComponent) \(first)\(more); \(inForce) (ylytic config check)"
    }
}

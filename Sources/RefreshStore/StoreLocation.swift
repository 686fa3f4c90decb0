import Foundation

/// Where the store lives: `--store PATH`, else `YLYTIC_STORE`, else
/// `$XDG_STATE_HOME/ylytic/ylytic.sqlite` (`~/.local/state/ylytic/ylytic.sqlite`).
public enum StoreLocation {
    public static func resolve(flag: String?, environment: [String: String]) -> URL {
        if let flag, !flag.isEmpty { return URL(fileURLWithPath: flag) }
        if let path = environment["YLYTIC_STORE"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return StateDirectory(environment: environment).url.appendingPathComponent("ylytic.sqlite")
    }
}

/// `$XDG_STATE_HOME/ylytic`, or `~/.local/state/ylytic`: the store and the logs.
public struct StateDirectory: Sendable {
    public let url: URL

    public init(environment: [String: String]) {
        if let base = environment["XDG_STATE_HOME"], base.hasPrefix("/") {
            url = URL(fileURLWithPath: base).appendingPathComponent("ylytic")
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            url = URL(fileURLWithPath: home).appendingPathComponent(".local/state/ylytic")
        }
    }
}

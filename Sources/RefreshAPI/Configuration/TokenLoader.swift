import Foundation

/// Finds the API token: `--token-file PATH`, else `YLYTIC_TOKEN`, else
/// `$XDG_CONFIG_HOME/ylytic/token` (`~/.config/ylytic/token`). Token files
/// readable by group or others are refused, as ssh refuses such keys.
public struct TokenLoader: Sendable {
    private let environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The default token file for this environment.
    public var configFile: URL {
        ConfigDirectory(environment: environment).url.appendingPathComponent("token")
    }

    /// The token and where it came from; `nil` when no source holds one.
    public func load(tokenFile: String?) throws(ConfigurationError) -> (token: APIToken, origin: String)? {
        if let tokenFile {
            guard let token = try read(URL(fileURLWithPath: tokenFile), mustExist: true) else {
                throw ConfigurationError("the token file \(tokenFile) is empty", meansNoToken: true)
            }
            return (token, tokenFile)
        }
        if let text = environment["YLYTIC_TOKEN"], let token = APIToken(text) {
            return (token, "YLYTIC_TOKEN")
        }
        if let token = try read(configFile, mustExist: false) {
            return (token, configFile.path)
        }
        return nil
    }

    private func read(_ file: URL, mustExist: Bool) throws(ConfigurationError) -> APIToken? {
        let path = file.path
        var info = stat()
        guard stat(path, &info) == 0 else {
            if !mustExist, errno == ENOENT { return nil }
            throw ConfigurationError("cannot read the token file \(path): \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw ConfigurationError("the token file \(path) is not a regular file")
        }
        if info.st_mode & 0o077 != 0 {
            throw ConfigurationError(
                "the token file \(path) can be read by other users (mode \(String(info.st_mode & 0o777, radix: 8))); "
                    + "run: chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError("cannot read the token file \(path)")
        }
        guard data.count <= 16_384 else {
            throw ConfigurationError("the token file \(path) is larger than a token can be")
        }
        return APIToken(String(decoding: data, as: UTF8.self))
    }
}

/// `$XDG_CONFIG_HOME/ylytic`, or `~/.config/ylytic`.
public struct ConfigDirectory: Sendable {
    public let url: URL

    public init(environment: [String: String]) {
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") {
            url = URL(fileURLWithPath: base).appendingPathComponent("ylytic")
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            url = URL(fileURLWithPath: home).appendingPathComponent(".config/ylytic")
        }
    }
}

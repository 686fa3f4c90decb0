import Foundation

/// libpq's password file: `~/.pgpass`, or the file `PGPASSFILE` names. Each line is
/// `HOST:PORT:DATABASE:USER:PASSWORD`; `*` in any of the first four matches anything; `\:` and `\\` stand for `:` and
/// `\`; a line starting with `#` is a comment. The first line that matches wins. As libpq does, a file that others
/// may read is not used (with a warning), so that a password kept there stays out of `ps` and of everyone else's
/// reach.
struct LedgerPasswordFile {
    /// What to match: the host as the address names it (`localhost` for a server reached through its socket in
    /// libpq's default folder), the port, the database and the user.
    struct Key {
        var host: String
        var port: Int
        var database: String
        var user: String
    }

    /// The file `environment` points at: `PGPASSFILE`, else `.pgpass` in `HOME`; nil with neither.
    static func path(environment: [String: String]) -> String? {
        if let named = environment["PGPASSFILE"], !named.isEmpty { return named }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.pgpass"
    }

    /// The password for `key` in the file at `path`, or nil when there is no such file, no line matches, or the
    /// file is not used; `warn` hears why a file that exists is not used.
    static func password(for key: Key, at path: String, warn: (String) -> Void) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        guard status.st_mode & S_IFMT == S_IFREG else {
            warn("the password file \(path) is not a plain file, so it is not read")
            return nil
        }
        guard status.st_mode & (S_IRWXG | S_IRWXO) == 0 else {
            warn("the password file \(path) can be read by others, so it is not read (chmod 600 \(path))")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            warn("the password file \(path) cannot be read")
            return nil
        }
        return password(for: key, in: String(decoding: data, as: UTF8.self))
    }

    /// The password for `key` in a file's text.
    static func password(for key: Key, in text: String) -> String? {
        let wanted = [key.host, String(key.port), key.database, key.user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.fields(of: line)
            guard fields.count == 5 else { continue }
            let matches = zip(fields.prefix(4), wanted).allSatisfy { field, value in
                field.text == value || (field.text == "*" && !field.isEscaped)
            }
            if matches { return fields[4].text }
        }
        return nil
    }

    /// A line's fields, split at each `:` that no `\` escapes, with the escapes undone.
    private static func fields(of line: Substring) -> [(text: String, isEscaped: Bool)] {
        var fields: [(text: String, isEscaped: Bool)] = []
        var current = ""
        var escaped = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            if character == "\\" {
                if let next = characters.next() {
                    current.append(next)
                    escaped = true
                }
            } else if character == ":" {
                // libpq ends the password at a colon no backslash escapes.
                guard fields.count < 4 else { break }
                fields.append((current, escaped))
                current = ""
                escaped = false
            } else {
                current.append(character)
            }
        }
        fields.append((current, escaped))
        return fields
    }
}

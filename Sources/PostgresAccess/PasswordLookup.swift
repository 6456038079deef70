import Foundation
import PlannerCore

#if canImport(Glibc)
    import Glibc
#endif

/// Finds the password for a connection as libpq does: `PGPASSWORD` first, else the first line of
/// the password file (`PGPASSFILE`, by default `~/.pgpass`) whose `host:port:database:user`
/// matches, each field either the value or `*`, with `\:` and `\\` for a colon or backslash in a
/// field, and lines starting with `#` ignored (PostgreSQL documentation, "The Password File").
///
/// Like libpq, a password file that its group or others can read is not used; unlike libpq,
/// which only warns and then fails to log in, the run stops and says to `chmod 600` it.
public struct PasswordLookup: Sendable {
    /// The variables read: `PGPASSWORD`, `PGPASSFILE`, `HOME`.
    public var environment: [String: String]

    /// A lookup over `environment`.
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The password file's path: `PGPASSFILE`, else `$HOME/.pgpass`.
    public var passwordFilePath: String? {
        if let path = environment["PGPASSFILE"], !path.isEmpty { return path }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return "\(home)/.pgpass"
    }

    /// The password for `settings`, nil when neither source has one.
    /// - Throws: ``PostgresAccessError/passwordFile(path:reason:)`` when the file's group or
    ///   others may read it, or it cannot be read.
    public func password(for settings: PostgresSettings) throws(PostgresAccessError) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        guard let path = passwordFilePath else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard info.st_mode & 0o077 == 0 else {
            throw .passwordFile(
                path: path,
                reason: "its group or others can read it (mode \(String(info.st_mode & 0o777, radix: 8))); run chmod 600 \(path)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .passwordFile(path: path, reason: "it cannot be read as UTF-8 text")
        }
        let wanted = [settings.host, String(settings.port), settings.database, settings.user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.fields(of: line)
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// The colon-separated fields of one line, with `\:` and `\\` unescaped.
    static func fields(of line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}

import Foundation
import PlannerCore

/// Where and as whom to connect to PostgreSQL, read from a `postgres://user@host:port/database`
/// URL the way `psql` reads one, with the same defaults (`PGHOST`, `PGPORT`, `PGUSER`,
/// `PGDATABASE`, then localhost, 5432, the login name, the user name) and `sslmode` (`disable`,
/// `prefer` by default, `require`, `verify-full`).
///
/// The password never comes from the URL, nor from a brief that holds one: it is `PGPASSWORD`, or
/// the matching line of `~/.pgpass` (`PGPASSFILE`), as libpq looks them up. A URL that carries a
/// password is refused without repeating it. ``description`` is what messages show: the URL
/// without a password.
public struct PostgresSettings: Sendable, Equatable, CustomStringConvertible {
    /// How the connection is encrypted: libpq's `sslmode`.
    public enum TLSMode: String, Sendable, Equatable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, else plain (libpq's default).
        case prefer
        /// TLS or no connection; the server's certificate is not checked (libpq's `require`).
        case require
        /// TLS with the certificate checked against the system's roots and the host name.
        case verifyFull = "verify-full"
    }

    /// The server's host name or address.
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// The role to connect as.
    public var user: String
    /// The database to connect to.
    public var database: String
    /// The `sslmode`.
    public var tls: TLSMode
    /// The password found for this host, port, database and user; nil when none was (trust or
    /// peer authentication needs none). Never part of ``description``.
    public var password: String?

    /// A settings value as given; ``parse(_:environment:)`` reads one from a URL.
    public init(host: String, port: Int, user: String, database: String, tls: TLSMode = .prefer, password: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.database = database
        self.tls = tls
        self.password = password
    }

    /// The connection as a URL without its password: `postgres://user@host:port/database`.
    public var description: String {
        let mode = tls == .prefer ? "" : "?sslmode=\(tls.rawValue)"
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(user)@\(shownHost):\(port)/\(database)\(mode)"
    }

    /// Reads `url` (`postgres://` or `postgresql://`), fills what it leaves out from `environment`
    /// (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGSSLMODE`), and looks up the password
    /// (``PasswordLookup``).
    /// - Throws: ``PostgresAccessError/badURL(_:reason:)`` for a URL that is not one, or that
    ///   carries a password; ``PostgresAccessError/passwordFile(path:reason:)`` for a `~/.pgpass`
    ///   that others can read.
    public static func parse(_ url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostgresAccessError)
        -> PostgresSettings
    {
        let scheme = ["postgres://", "postgresql://"].first { url.hasPrefix($0) }
        guard let scheme else {
            throw .badURL(Self.shown(url), reason: "it does not start with postgres:// or postgresql://")
        }
        var rest = Substring(url.dropFirst(scheme.count))
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var path: Substring = ""
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var userPart: Substring? = nil
        if let at = rest.lastIndex(of: "@") {
            userPart = rest[..<at]
            rest = rest[rest.index(after: at)...]
        }
        if let userPart, userPart.contains(":") {
            throw .badURL(
                Self.shown(url),
                reason: "it carries a password; remove it from the URL and set PGPASSWORD or a line in ~/.pgpass instead")
        }
        let (hostText, portText) = try Self.hostAndPort(rest, url: url)
        let login = ProcessInfo.processInfo.userName
        let user = try decoded(userPart.map(String.init), url: url) ?? environment["PGUSER"] ?? login
        let host = hostText ?? environment["PGHOST"] ?? "localhost"
        let portString = portText ?? environment["PGPORT"] ?? "5432"
        guard let port = Int(portString), (1...65535).contains(port) else {
            throw .badURL(Self.shown(url), reason: "the port \"\(portString)\" is not a number from 1 to 65535")
        }
        let database = try decoded(path.isEmpty ? nil : String(path), url: url) ?? environment["PGDATABASE"] ?? user
        var mode = environment["PGSSLMODE"] ?? "prefer"
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw .badURL(Self.shown(url), reason: "the parameter \"\(pair)\" has no value") }
            switch parts[0] {
            case "sslmode": mode = parts[1]
            case "password":
                throw .badURL(
                    Self.shown(url),
                    reason: "it carries a password; remove it from the URL and set PGPASSWORD or a line in ~/.pgpass instead")
            case "application_name", "connect_timeout": continue
            default:
                throw .badURL(
                    Self.shown(url),
                    reason: "the parameter \"\(parts[0])\" is not supported (sslmode, application_name, connect_timeout are)")
            }
        }
        guard let tls = Self.tlsMode(mode) else {
            throw .badURL(
                Self.shown(url), reason: "sslmode \"\(mode)\" is not one of disable, allow, prefer, require, verify-ca, verify-full")
        }
        var settings = PostgresSettings(host: host, port: port, user: user, database: database, tls: tls)
        settings.password = try PasswordLookup(environment: environment).password(for: settings)
        return settings
    }

    /// libpq's modes onto ours: `allow` tries TLS like `prefer`, `verify-ca` checks like `verify-full`.
    static func tlsMode(_ text: String) -> TLSMode? {
        switch text {
        case "disable": .disable
        case "allow", "prefer": .prefer
        case "require": .require
        case "verify-ca", "verify-full": .verifyFull
        default: nil
        }
    }

    /// `host`, `host:port`, `[v6]` or `[v6]:port`, either part possibly empty.
    private static func hostAndPort(_ text: Substring, url: String) throws(PostgresAccessError) -> (String?, String?) {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else {
                throw .badURL(Self.shown(url), reason: "an IPv6 address opened with [ is not closed with ]")
            }
            let host = String(text[text.index(after: text.startIndex)..<close])
            let after = text[text.index(after: close)...]
            return (host, after.hasPrefix(":") ? String(after.dropFirst()) : nil)
        }
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let host = parts[0].isEmpty ? nil : parts[0]
        return (host, parts.count == 2 && !parts[1].isEmpty ? parts[1] : nil)
    }

    /// Percent-decodes a URL part.
    private static func decoded(_ text: String?, url: String) throws(PostgresAccessError) -> String? {
        guard let text else { return nil }
        guard let plain = text.removingPercentEncoding else {
            throw .badURL(Self.shown(url), reason: "\"\(text)\" has a % that is not followed by two hex digits")
        }
        return plain
    }

    /// The URL as messages may show it: anything between `//` and `@` that holds a `:` (a password)
    /// replaced by the user name and `:***`, and any `password=` parameter masked.
    static func shown(_ url: String) -> String {
        var text = url
        if let start = text.range(of: "://"), let at = text[start.upperBound...].lastIndex(of: "@") {
            let credentials = text[start.upperBound..<at]
            if let colon = credentials.firstIndex(of: ":") {
                text.replaceSubrange(colon..<at, with: ":***")
            }
        }
        if let range = text.range(of: "password=") {
            let end = text[range.upperBound...].firstIndex(of: "&") ?? text.endIndex
            text.replaceSubrange(range.upperBound..<end, with: "***")
        }
        return text
    }
}

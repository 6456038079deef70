/// The two secrets of a running workspace, made fresh at start-up: the CSRF token every form and
/// upload must send back (a page of another site cannot read it), and the access token required
/// when the server listens on anything but the loopback address (as Jupyter's token is).
public struct WorkspaceSecrets: Sendable {
    /// Sent back by every form (`csrf` field) and upload (`X-CSRF-Token` header).
    public let csrf: String
    /// Required on every request (`?token=`, then a cookie) when not `nil`.
    public let access: String?

    /// Fresh random secrets (32 bytes each, hex); an access token only when `requireAccess`.
    public init(requireAccess: Bool) {
        csrf = Self.random()
        access = requireAccess ? Self.random() : nil
    }

    /// Given secrets (tests).
    public init(csrf: String, access: String?) {
        self.csrf = csrf
        self.access = access
    }

    /// Whether `given` equals `secret`, compared in time that does not depend on where they differ.
    static func matches(_ given: String?, _ secret: String) -> Bool {
        guard let given else { return false }
        let a = Array(given.utf8)
        let b = Array(secret.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        return String(
            (0..<32).flatMap { _ -> [Character] in
                let byte = UInt8.random(in: 0...255, using: &generator)
                return [digits[Int(byte >> 4)], digits[Int(byte & 15)]]
            })
    }
}

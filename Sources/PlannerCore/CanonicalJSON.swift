/// Canonical JSON of any `Encodable`: the same value gives the same bytes on every platform, so
/// documents (a plan) can be diffed, hashed and read back to the same text.
///
/// - Object members are written in the order `encode(to:)` encodes them (the order of the
///   type's `CodingKeys` for synthesised conformances); a `[String: V]` dictionary's keys are
///   sorted, so its order never depends on hashing.
/// - Numbers that conform to ``CanonicalJSONNumber`` (``Money``, ``FixedDecimal``,
///   ``ScientificDecimal``) are written as their own text (`1.70`, `0.1200`, `1.234e-12`);
///   integers as digits; other floating-point values in Swift's shortest round-trip form.
///   A non-finite number is an `EncodingError` (JSON has no NaN or infinity).
/// - Optionals encoded with `encode(_:forKey:)` are written as `null`; `encodeIfPresent` leaves
///   the member out.
///
/// Read the text back with Foundation's `JSONDecoder`: the encoder and decoder meet at the
/// types' `Codable` conformances.
public enum CanonicalJSON {
    /// The JSON value of `value` (two-space indents when rendered).
    public static func value(of value: some Encodable) throws -> JSONValue {
        try CanonicalEncoding.encode(value, at: []).json
    }

    /// The JSON text of `value` with a final newline, as a document file holds it.
    public static func text(of value: some Encodable) throws -> String {
        try Self.value(of: value).render() + "\n"
    }
}

/// A number that writes its own JSON text, exactly (``CanonicalJSON`` uses it verbatim).
public protocol CanonicalJSONNumber {
    /// The JSON number literal (`12345.60`, `0.1200`, `1.234e-12`).
    var canonicalJSONText: String { get }
}

/// A floating-point figure written with a fixed number of decimals (half away from zero), the
/// precision its reader needs: a cost per message with 4, a marginal return with 6. Decoders
/// other than ``CanonicalJSON`` see the plain `Double`.
public struct FixedDecimal: Encodable, CanonicalJSONNumber, Sendable {
    /// The figure before rounding.
    public let value: Double
    /// Decimals written (0 or more).
    public let places: Int

    /// `value` to be written with `places` decimals.
    public init(_ value: Double, places: Int) {
        self.value = value
        self.places = places
    }

    /// The text ``DecimalText/fixed(_:places:)`` gives.
    public var canonicalJSONText: String { DecimalText.fixed(value, places: places) }

    /// Encodes the plain number (for encoders other than ``CanonicalJSON``).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

/// A tiny magnitude (an optimality gap, a constraint violation) written as `1.234e-12`, four
/// significant digits; zero as `0`.
public struct ScientificDecimal: Encodable, CanonicalJSONNumber, Sendable {
    /// The figure before rounding.
    public let value: Double

    /// `value` to be written in scientific notation.
    public init(_ value: Double) { self.value = value }

    /// The text ``DecimalText/scientific(_:)`` gives.
    public var canonicalJSONText: String { DecimalText.scientific(value) }

    /// Encodes the plain number (for encoders other than ``CanonicalJSON``).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

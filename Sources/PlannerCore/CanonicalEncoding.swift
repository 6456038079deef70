/// The `Encoder` behind ``CanonicalJSON``: builds a tree of slots in encode order, then turns it
/// into a ``JSONValue``. Slots are classes because containers handed out by `Encoder` must write
/// into the same place after they are returned.
final class CanonicalEncoding {
    /// What one slot holds: nothing yet, a finished value, or an object or array being filled.
    enum Content {
        case empty
        case value(JSONValue)
        case object(Members)
        case array(Items)
    }

    /// Object members in encode order.
    final class Members {
        var list: [(String, CanonicalEncoding)] = []
    }

    /// Array items in encode order.
    final class Items {
        var list: [CanonicalEncoding] = []
    }

    var content: Content = .empty

    init(_ content: Content = .empty) { self.content = content }

    /// The finished JSON; a value that encoded nothing is an empty object.
    var json: JSONValue {
        switch content {
        case .empty: .object([])
        case .value(let value): value
        case .object(let members): .object(members.list.map { ($0.0, $0.1.json) })
        case .array(let items): .array(items.list.map(\.json))
        }
    }

    /// Encodes one value at `path`: own-text numbers, strings, booleans and integers directly,
    /// string-keyed dictionaries with sorted keys, anything else through its `encode(to:)`.
    static func encode(_ value: some Encodable, at path: [any CodingKey]) throws -> CanonicalEncoding {
        switch value {
        case let number as any CanonicalJSONNumber: return CanonicalEncoding(.value(.number(number.canonicalJSONText)))
        case let text as String: return CanonicalEncoding(.value(.string(text)))
        case let flag as Bool: return CanonicalEncoding(.value(.bool(flag)))
        case let integer as any BinaryInteger: return CanonicalEncoding(.value(.number(String(integer))))
        case let number as Double: return CanonicalEncoding(.value(try real(number, at: path)))
        case let number as Float: return CanonicalEncoding(.value(try real(Double(number), at: path)))
        case let dictionary as any StringKeyedEncodable:
            let members = Members()
            for (key, item) in dictionary.sortedMembers {
                members.list.append((key, try encode(item, at: path + [CanonicalKey(key)])))
            }
            return CanonicalEncoding(.object(members))
        default:
            let slot = CanonicalEncoding()
            try value.encode(to: CanonicalEncoder(slot: slot, codingPath: path))
            return slot
        }
    }

    static func real(_ number: Double, at path: [any CodingKey]) throws -> JSONValue {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: path, debugDescription: "JSON has no \(number)"))
        }
        return .number("\(number)")
    }

    /// This slot's object members, making the slot an object if it is still empty.
    func members() -> Members {
        if case .object(let members) = content { return members }
        let members = Members()
        content = .object(members)
        return members
    }

    /// This slot's array items, making the slot an array if it is still empty.
    func items() -> Items {
        if case .array(let items) = content { return items }
        let items = Items()
        content = .array(items)
        return items
    }
}

/// A string-keyed dictionary, whose members ``CanonicalJSON`` writes in key order.
protocol StringKeyedEncodable {
    var sortedMembers: [(String, any Encodable)] { get }
}

extension Dictionary: StringKeyedEncodable where Key == String, Value: Encodable {
    var sortedMembers: [(String, any Encodable)] { keys.sorted().map { ($0, self[$0]! as any Encodable) } }
}

/// A coding key made from text or an array index (for coding paths in errors).
struct CanonicalKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(_ string: String) {
        stringValue = string
        intValue = nil
    }

    init(stringValue: String) { self.init(stringValue) }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

struct CanonicalEncoder: Encoder {
    let slot: CanonicalEncoding
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer<Key>(members: slot.members(), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { UnkeyedContainer(items: slot.items(), codingPath: codingPath) }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(slot: slot, codingPath: codingPath) }
}

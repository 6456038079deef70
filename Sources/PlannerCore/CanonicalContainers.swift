// The three container kinds of ``CanonicalEncoder``. Every typed `encode` overload the protocols
// require forwards to `put`, so each value goes through `CanonicalEncoding.encode`.

/// A container that takes values without keys (unkeyed and single-value): its typed `encode`
/// overloads, once.
protocol ValueSink {
    func put(_ value: some Encodable) throws
}

extension ValueSink {
    mutating func encode<T: Encodable>(_ value: T) throws { try put(value) }
    mutating func encode(_ value: Bool) throws { try put(value) }
    mutating func encode(_ value: String) throws { try put(value) }
    mutating func encode(_ value: Double) throws { try put(value) }
    mutating func encode(_ value: Float) throws { try put(value) }
    mutating func encode(_ value: Int) throws { try put(value) }
    mutating func encode(_ value: Int8) throws { try put(value) }
    mutating func encode(_ value: Int16) throws { try put(value) }
    mutating func encode(_ value: Int32) throws { try put(value) }
    mutating func encode(_ value: Int64) throws { try put(value) }
    mutating func encode(_ value: UInt) throws { try put(value) }
    mutating func encode(_ value: UInt8) throws { try put(value) }
    mutating func encode(_ value: UInt16) throws { try put(value) }
    mutating func encode(_ value: UInt32) throws { try put(value) }
    mutating func encode(_ value: UInt64) throws { try put(value) }
}

struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let members: CanonicalEncoding.Members
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { members.list.append((key.stringValue, CanonicalEncoding(.value(.null)))) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try put(value, forKey: key) }

    private func put(_ value: some Encodable, forKey key: Key) throws {
        members.list.append((key.stringValue, try CanonicalEncoding.encode(value, at: codingPath + [key])))
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws { try put(value, forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try put(value, forKey: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try put(value, forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try put(value, forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try put(value, forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try put(value, forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try put(value, forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try put(value, forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try put(value, forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try put(value, forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try put(value, forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try put(value, forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try put(value, forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try put(value, forKey: key) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let slot = CanonicalEncoding()
        members.list.append((key.stringValue, slot))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(members: slot.members(), codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let slot = CanonicalEncoding()
        members.list.append((key.stringValue, slot))
        return UnkeyedContainer(items: slot.items(), codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: CanonicalKey("super")) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key) }

    private mutating func superEncoder(named key: any CodingKey) -> any Encoder {
        let slot = CanonicalEncoding()
        members.list.append((key.stringValue, slot))
        return CanonicalEncoder(slot: slot, codingPath: codingPath + [key])
    }
}

struct UnkeyedContainer: UnkeyedEncodingContainer, ValueSink {
    let items: CanonicalEncoding.Items
    let codingPath: [any CodingKey]
    var count: Int { items.list.count }
    private var nextPath: [any CodingKey] { codingPath + [CanonicalKey(intValue: count)] }

    mutating func encodeNil() throws { items.list.append(CanonicalEncoding(.value(.null))) }

    func put(_ value: some Encodable) throws { items.list.append(try CanonicalEncoding.encode(value, at: nextPath)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = nextPath, slot = CanonicalEncoding()
        items.list.append(slot)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(members: slot.members(), codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath, slot = CanonicalEncoding()
        items.list.append(slot)
        return UnkeyedContainer(items: slot.items(), codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let path = nextPath, slot = CanonicalEncoding()
        items.list.append(slot)
        return CanonicalEncoder(slot: slot, codingPath: path)
    }
}

struct SingleValueContainer: SingleValueEncodingContainer, ValueSink {
    let slot: CanonicalEncoding
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.content = .value(.null) }

    func put(_ value: some Encodable) throws { slot.content = try CanonicalEncoding.encode(value, at: codingPath).content }
}

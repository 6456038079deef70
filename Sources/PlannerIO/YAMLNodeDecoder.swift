import PlannerCore
import Yams

/// A `Decoder` over composed YAML nodes that knows where every value is, so a decoding failure
/// becomes a ``Diagnostic`` at the value's own line and column, and that records which mapping keys
/// were read, so a key nobody read (a typo such as `budjet:`) can be reported as an unknown field.
final class YAMLNodeDecoder: Decoder {
    let node: Node
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any] = [:]
    let context: Context

    /// Shared by every decoder of one document: the file name and the keys read per mapping.
    final class Context {
        let path: String
        /// Keys read, per mapping, by the mapping's key path.
        var readKeys: [String: Set<String>] = [:]
        init(path: String) { self.path = path }
    }

    init(node: Node, codingPath: [any CodingKey], context: Context) {
        self.node = node
        self.codingPath = codingPath
        self.context = context
    }

    func failure(_ message: String, at node: Node? = nil, path: [any CodingKey]? = nil) -> Diagnostic {
        let mark = (node ?? self.node).mark
        let keys = path ?? codingPath
        return Diagnostic(
            path: context.path, line: mark?.line, column: mark?.column,
            field: keys.isEmpty ? nil : DataFile.keyPath(keys), message: message)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else { throw failure("expected a mapping (key: value lines), got \(describe(node))") }
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, mapping: mapping))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else { throw failure("expected a list, got \(describe(node))") }
        return UnkeyedContainer(decoder: self, items: Array(sequence))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleValue(decoder: self) }

    func child(_ node: Node, key: any CodingKey) -> YAMLNodeDecoder {
        YAMLNodeDecoder(node: node, codingPath: codingPath + [key], context: context)
    }

    /// Decodes a value of `type` from this decoder's node, scalars through Yams' constructors.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if let scalarType = type as? any ScalarConstructible.Type, !(type is any _YAMLComposite.Type) {
            guard case .scalar(let scalar) = node, !isNull(node) else {
                throw failure("expected \(DataFile.describe(type)), got \(describe(node))")
            }
            guard let value = scalarType.construct(from: scalar) as? T else {
                throw failure("expected \(DataFile.describe(type)), got \(describe(node))")
            }
            return value
        }
        do {
            return try T(from: self)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error {
                // Point at the value the error is about, below this decoder's node.
                let relative = Array(context.codingPath.dropFirst(codingPath.count))
                throw failure(context.debugDescription, at: DataFile.node(at: relative, in: node), path: context.codingPath)
            }
            throw failure("\(error)")
        }
    }

    var keyPathText: String { DataFile.keyPath(codingPath) }
}

/// Marks types that are scalar-constructible in Yams but must decode through `init(from:)`.
protocol _YAMLComposite {}

func isNull(_ node: Node) -> Bool {
    if case .scalar(let scalar) = node {
        if scalar.tag.rawValue == Tag.Name.null.rawValue { return true }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
    return false
}

func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): isNull(node) ? "nothing" : "\"\(scalar.string)\""
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: YAMLNodeDecoder
    let mapping: Node.Mapping
    var codingPath: [any CodingKey] { decoder.codingPath }

    init(decoder: YAMLNodeDecoder, mapping: Node.Mapping) {
        self.decoder = decoder
        self.mapping = mapping
    }

    private func note(_ key: String) { decoder.context.readKeys[decoder.keyPathText, default: []].insert(key) }

    var allKeys: [Key] {
        mapping.keys.compactMap { node in
            guard let name = node.string else { return nil }
            note(name)
            return Key(stringValue: name)
        }
    }

    func contains(_ key: Key) -> Bool {
        note(key.stringValue)
        return mapping[key.stringValue] != nil
    }

    private func value(_ key: Key) throws -> Node {
        note(key.stringValue)
        guard let node = mapping[key.stringValue] else {
            // A misspelling of the missing field is what the user wrote: name it first.
            let written = mapping.keys.compactMap(\.string).filter { Key(stringValue: $0) == nil }
            if let typo = written.first(where: { Suggestion.closest(to: $0, among: [key.stringValue]) != nil }),
                let typoNode = mapping.keys.first(where: { $0.string == typo })
            {
                throw decoder.failure(
                    "unknown field '\(typo)' (did you mean '\(key.stringValue)'?)", at: typoNode,
                    path: codingPath + [DataKey(stringValue: typo)])
            }
            throw decoder.failure("required field '\(key.stringValue)' is missing", path: codingPath + [key])
        }
        return node
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        note(key.stringValue)
        return mapping[key.stringValue].map(isNull) ?? true
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.child(value(key), key: key).decodeValue(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        note(key.stringValue)
        guard let node = mapping[key.stringValue], !isNull(node) else { return nil }
        return try decoder.child(node, key: key).decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.child(value(key), key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(value(key), key: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { try decoder.child(value(key), key: key) }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: YAMLNodeDecoder
    let items: [Node]
    var currentIndex = 0
    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    init(decoder: YAMLNodeDecoder, items: [Node]) {
        self.decoder = decoder
        self.items = items
    }

    private mutating func nextDecoder() throws -> YAMLNodeDecoder {
        guard !isAtEnd else { throw decoder.failure("the list has only \(items.count) items") }
        defer { currentIndex += 1 }
        return decoder.child(items[currentIndex], key: DataKey(intValue: currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, isNull(items[currentIndex]) else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try nextDecoder().decodeValue(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try nextDecoder().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try nextDecoder().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try nextDecoder() }
}

private struct SingleValue: SingleValueDecodingContainer {
    let decoder: YAMLNodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }
    func decodeNil() -> Bool { isNull(decoder.node) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}

extension Node {
    /// All mappings in the tree with their key paths (as ``DataFile/keyPath(_:)`` writes them).
    func mappings(path: [any CodingKey] = []) -> [(path: [any CodingKey], mapping: Node.Mapping)] {
        switch self {
        case .mapping(let mapping):
            var result: [(path: [any CodingKey], mapping: Node.Mapping)] = [(path, mapping)]
            for (key, value) in mapping {
                if let name = key.string { result += value.mappings(path: path + [DataKey(stringValue: name)]) }
            }
            return result
        case .sequence(let sequence):
            return sequence.enumerated().flatMap { $0.element.mappings(path: path + [DataKey(intValue: $0.offset)]) }
        default:
            return []
        }
    }
}

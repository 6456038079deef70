import PlannerCore
import Yams

/// Decodes our YAML data files (`locales/`, `calendars/`, `templates/`, briefs) into `Decodable`
/// types, turning every failure into a ``Diagnostic`` with the file, line, column and key path.
///
/// Parsing first composes YAML nodes (which carry positions), then decodes from them; a decoding
/// error's coding path is walked back through the nodes to find the line of the offending value.
public enum DataFile {
    /// Reads and decodes the YAML file at `path`. With `strict`, a key that the type does not read
    /// is an error ("unknown field"), so a typo is never silently ignored.
    public static func decode<T: Decodable>(_ type: T.Type, path: String, strict: Bool = false) throws(Diagnostic) -> T {
        try decode(type, yaml: FileBytes.readText(path), path: path, strict: strict)
    }

    /// Decodes YAML text; `path` names it in diagnostics.
    public static func decode<T: Decodable>(_ type: T.Type, yaml: String, path: String, strict: Bool = false) throws(Diagnostic) -> T {
        let node = try compose(yaml, path: path)
        let context = YAMLNodeDecoder.Context(path: path)
        let value: T
        do {
            value = try YAMLNodeDecoder(node: node, codingPath: [], context: context).decodeValue(type)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic(path: path, message: "\(error)")
        }
        if strict {
            for (keys, mapping) in node.mappings() {
                let read = context.readKeys[keyPath(keys)] ?? []
                for (key, value) in mapping {
                    guard let name = key.string, !read.contains(name) else { continue }
                    if annotationKeys.contains(name) { continue }
                    if keys.isEmpty && name == "schema" {
                        try checkSchema(value, at: key, path: path)
                        continue
                    }
                    throw Diagnostic(
                        path: path, line: key.mark?.line, column: key.mark?.column,
                        field: keyPath(keys + [DataKey(stringValue: name)]),
                        message: "unknown field '\(name)'\(Suggestion.phrase(for: name, among: read.sorted()))",
                        hint: "check the spelling; see the documented fields")
                }
            }
        }
        return value
    }

    /// Keys any mapping of a data file may carry for its readers (free text, never read).
    public static let annotationKeys: Set<String> = ["note", "notes"]

    /// The data-file format version this build reads: a file's top-level `schema:` (optional)
    /// must say it.
    public static let schemaVersion = 1

    static func checkSchema(_ value: Node, at key: Node, path: String) throws(Diagnostic) {
        guard value.int != schemaVersion else { return }
        throw Diagnostic(
            path: path, line: value.mark?.line ?? key.mark?.line, column: value.mark?.column, field: "schema",
            message: "version \(value.string ?? "?") is not supported: this campaign-planner reads schema \(schemaVersion)",
            hint: "use the data folders of the campaign-planner that wrote this file")
    }

    static func compose(_ yaml: String, path: String) throws(Diagnostic) -> Node {
        do {
            guard let composed = try Yams.compose(yaml: yaml) else {
                throw Diagnostic(path: path, line: 1, message: "the file is empty")
            }
            return composed
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw syntaxDiagnostic(error, path: path)
        }
    }

    /// A key path as users read it: `regions[3].population`.
    public static func keyPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    /// The node at a coding path, or the deepest existing node on the way.
    public static func node(at path: [any CodingKey], in root: Node) -> Node {
        var current = root
        for key in path {
            if let index = key.intValue, case .sequence(let sequence) = current, index < sequence.count {
                current = sequence[index]
            } else if case .mapping(let mapping) = current, let value = mapping[key.stringValue] {
                current = value
            } else {
                break
            }
        }
        return current
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        default:
            String(describing: type).hasPrefix("Array")
                ? "a list" : String(describing: type).hasPrefix("Dictionary") ? "a mapping" : "\(type)"
        }
    }

    private static func syntaxDiagnostic(_ error: any Error, path: String) -> Diagnostic {
        guard let yaml = error as? YamlError else { return Diagnostic(path: path, message: "\(error)") }
        switch yaml {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(path: path, line: mark.line, column: mark.column, message: "YAML syntax: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                path: path, line: context.mark.line, column: context.mark.column,
                message: "duplicate key \(duplicates.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return Diagnostic(path: path, message: "YAML: \(problem)")
        default:
            return Diagnostic(path: path, message: "YAML: \(yaml)")
        }
    }
}

/// A decoded data file together with its YAML nodes, so checks made after decoding (a share sum,
/// a reference to an unknown zone) can still point at the line of the value they are about.
public struct DataDocument<Value> {
    /// The file's content, decoded as `Value`.
    public let value: Value
    /// The file the YAML came from, as given; names it in diagnostics.
    public let path: String
    private let root: Node

    /// Reads and decodes the YAML file at `path` (`strict`: unknown fields are errors).
    public init(path: String, strict: Bool = false) throws(Diagnostic) where Value: Decodable {
        try self.init(yaml: FileBytes.readText(path), path: path, strict: strict)
    }

    /// Decodes YAML text (`strict`: unknown fields are errors); `path` names it in diagnostics.
    public init(yaml: String, path: String, strict: Bool = false) throws(Diagnostic) where Value: Decodable {
        self.value = try DataFile.decode(Value.self, yaml: yaml, path: path, strict: strict)
        self.path = path
        self.root = try DataFile.compose(yaml, path: path)
    }

    /// A diagnostic at the value under `keys` (strings for mapping keys, integers for list indices).
    public func diagnostic(at keys: [DataKey], message: String, hint: String? = nil) -> Diagnostic {
        let mark = DataFile.node(at: keys, in: root).mark
        return Diagnostic(
            path: path, line: mark?.line, column: mark?.column,
            field: DataFile.keyPath(keys), message: message, hint: hint)
    }
}

/// One step of a key path into a data file: a mapping key or a list index.
public struct DataKey: CodingKey, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// The mapping key, or the index written in decimal for a list index.
    public let stringValue: String
    /// The list index (0-based), or nil for a mapping key.
    public let intValue: Int?
    /// A mapping key.
    public init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }
    /// A list index, 0-based.
    public init(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }
    /// A mapping key written as a string literal: `["regions", 3, "population"]`.
    public init(stringLiteral value: String) { self.init(stringValue: value) }
    /// A list index written as an integer literal, 0-based.
    public init(integerLiteral value: Int) { self.init(intValue: value) }
}

import CICU

/// An ICU MessageFormat message with named arguments, checked strictly.
///
/// ICU's own MessageFormat leaves `{name}` in the output and reports success when an argument is
/// missing, accepts unknown arguments, and formats a string where a number is needed. Here each
/// of these is an ``ICUError`` naming the argument, for nested arguments (inside plural and select
/// branches) too. Numbered arguments (`{0}`) are refused: templates are written by name.
///
/// ```swift
/// let m = try ICUMessageFormat("{n, plural, one {# offer for {name}} other {# offers for {name}}}",
///                              locale: "en_IN", timeZone: "Asia/Kolkata")
/// try m.format(["n": .integer(2), "name": .string("Asha")])  // "2 offers for Asha"
/// ```
public final class ICUMessageFormat: Sendable {
    /// The MessageFormat pattern as given.
    public let pattern: String
    /// The ICU locale whose plural rules and number and date formats the message uses (`ta_IN`).
    public let locale: String
    /// The Olson time zone `date` and `time` arguments are shown in.
    public let timeZone: String
    /// Every argument use in the pattern, in order.
    public let arguments: [MessageArgument]
    private let handle: LockedHandle

    /// Parses `pattern` for `locale`; throws on a syntax error (with its offset) or a numbered argument.
    public init(_ pattern: String, locale: String, timeZone: String) throws(ICUError) {
        let arguments = try MessageArgument.parse(pattern)
        if let numbered = arguments.first(where: \.isNumbered) { throw .numberedArgument(name: numbered.name) }
        var offset: Int32 = 0
        var status: Int32 = 0
        let pointer = try pattern.withUTF16 { p, n throws(ICUError) in
            try timeZone.withUTF16 { z, zn throws(ICUError) in cp_icu_message_open(locale, p, n, z, zn, &offset, &status) }
        }
        guard let pointer, status <= 0 else {
            if status == 1 { throw .unknownTimeZone(timeZone) }  // U_ILLEGAL_ARGUMENT_ERROR
            throw .syntax(pattern: pattern, offset: Int(offset), operation: "MessageFormat")
        }
        self.pattern = pattern
        self.locale = locale
        self.timeZone = timeZone
        self.arguments = arguments
        self.handle = LockedHandle(pointer, close: { cp_icu_message_close($0) })
    }

    /// The distinct argument names the pattern uses, in first-use order.
    public var argumentNames: [String] {
        var seen = Set<String>()
        return arguments.compactMap { seen.insert($0.name).inserted ? $0.name : nil }
    }

    /// Checks `values` against the pattern's arguments: every used argument given, no unknown
    /// ones, each value of the kind its uses need.
    public func validate(_ values: [String: MessageValue]) throws(ICUError) {
        let used = Set(arguments.map(\.name))
        for name in values.keys.sorted() where !used.contains(name) { throw .unknownArgument(name: name) }
        for argument in arguments {
            guard let value = values[argument.name] else { throw .missingArgument(name: argument.name) }
            let expected = argument.expectedValue
            switch (argument.kind, value.kind) {
            case (.none, .date):
                throw .argumentType(
                    name: argument.name, expected: "formatted as {\(argument.name), date, ...}", got: "a date in a bare {\(argument.name)}")
            case (.none, _):
                continue  // text or a number (formatted with the locale's default number format)
            default:
                guard value.kind == expected else {
                    throw .argumentType(name: argument.name, expected: expected.rawValue, got: value.kind.rawValue)
                }
            }
        }
    }

    /// Formats after ``validate(_:)``.
    public func format(_ values: [String: MessageValue]) throws(ICUError) -> String {
        try validate(values)
        let names = values.keys.sorted()
        let units = names.map { Array($0.utf16) }
        let texts: [[UInt16]] = names.map { if case .string(let s) = values[$0]! { Array(s.utf16) } else { [] } }
        let decimals: [[CChar]] = names.map {
            if case .decimal(let d) = values[$0]! { Array(d.utf8).map { CChar(bitPattern: $0) } + [0] } else { [0] }
        }
        return try withPointers(units) { namePointers throws(ICUError) in
            try withPointers(texts) { textPointers throws(ICUError) in
                try withPointers(decimals) { decimalPointers throws(ICUError) in
                    var arguments: [cp_icu_message_argument] = []
                    for (i, name) in names.enumerated() {
                        var argument = cp_icu_message_argument()
                        argument.name = namePointers[i]
                        argument.name_length = Int32(units[i].count)
                        switch values[name]! {
                        case .string:
                            argument.kind = Int32(CP_ICU_ARGUMENT_STRING)
                            argument.text = textPointers[i]
                            argument.text_length = Int32(texts[i].count)
                        case .number(let x):
                            argument.kind = Int32(CP_ICU_ARGUMENT_DOUBLE)
                            argument.number = x
                        case .integer(let n):
                            argument.kind = Int32(CP_ICU_ARGUMENT_INT64)
                            argument.integer = Int64(n)
                        case .decimal:
                            argument.kind = Int32(CP_ICU_ARGUMENT_DECIMAL)
                            argument.decimal = decimalPointers[i]
                            argument.decimal_length = Int32(decimals[i].count - 1)
                        case .date(let millis):
                            argument.kind = Int32(CP_ICU_ARGUMENT_DATE)
                            argument.number = millis
                        }
                        arguments.append(argument)
                    }
                    return try handle.withLock { pointer throws(ICUError) in
                        try readUTF16("format message in \(locale)", initialCapacity: 256) { out, capacity, status in
                            cp_icu_message_format(pointer, arguments, Int32(arguments.count), out, capacity, &status)
                        }
                    }
                }
            }
        }
    }
}

/// Keeps every array's storage alive and passes stable pointers to `body`.
private func withPointers<T, R>(_ arrays: [[T]], _ body: ([UnsafePointer<T>?]) throws(ICUError) -> R) throws(ICUError) -> R {
    let buffers = arrays.map { array -> UnsafeMutableBufferPointer<T> in
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return buffer
    }
    defer { buffers.forEach { $0.deallocate() } }
    return try body(buffers.map { UnsafePointer($0.baseAddress) })
}

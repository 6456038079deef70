import CICU

/// U_BUFFER_OVERFLOW_ERROR: the output did not fit; retry with the length ICU asked for.
let bufferOverflow: Int32 = 15

/// Calls an ICU function that writes UTF-16 into a buffer and returns the full length, growing the
/// buffer once when it was too small.
func readUTF16(
    _ operation: @autoclosure () -> String, initialCapacity: Int = 128,
    _ body: (UnsafeMutablePointer<UInt16>, Int32, inout Int32) -> Int32
) throws(ICUError) -> String {
    var capacity = initialCapacity
    for _ in 0..<2 {
        var status: Int32 = 0
        var buffer = [UInt16](repeating: 0, count: capacity)
        let length = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity), &status) }
        if status == bufferOverflow || Int(length) > capacity {
            capacity = Int(length) + 1
            continue
        }
        try ICUError.check(status, operation())
        return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
    }
    throw ICUError.status(code: bufferOverflow, name: "U_BUFFER_OVERFLOW_ERROR", operation: operation())
}

/// Calls an ICU function that writes ASCII into a buffer and returns its length.
func readASCII(
    _ operation: @autoclosure () -> String,
    _ body: (UnsafeMutablePointer<CChar>, Int32, inout Int32) -> Int32
) throws(ICUError) -> String {
    var capacity = 64
    for _ in 0..<2 {
        var status: Int32 = 0
        var buffer = [CChar](repeating: 0, count: capacity)
        let length = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, Int32(capacity), &status) }
        if status == bufferOverflow {
            capacity = Int(length) + 1
            continue
        }
        try ICUError.check(status, operation())
        return String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    throw ICUError.status(code: bufferOverflow, name: "U_BUFFER_OVERFLOW_ERROR", operation: operation())
}

extension String {
    /// Runs `body` with this string's UTF-16 code units and their count.
    func withUTF16<R>(_ body: (UnsafePointer<UInt16>, Int32) throws(ICUError) -> R) throws(ICUError) -> R {
        let units = Array(self.utf16)
        return try units.withUnsafeBufferPointer { buffer throws(ICUError) in
            // A non-null pointer even for the empty string.
            let pointer = buffer.baseAddress ?? UnsafePointer(bitPattern: 2)!
            return try body(pointer, Int32(buffer.count))
        }
    }
}

/// A small open-addressing table from a byte string to an integer code, so each distinct spelling
/// of a region or language (`Tamil Nadu`, `TN`, `IN-TN`) is normalised through the catalog once
/// per worker, and every later row costs a hash and a compare. Bounded: past `maxEntries`
/// spellings it stops remembering (results stay right, only slower).
struct ByteCodeCache {
    private struct Slot {
        var hash: UInt64 = 0
        var offset: Int32 = 0
        var length: Int32 = -1
        var code: Int32 = 0
    }

    private var slots: [Slot]
    private var keys: [UInt8] = []
    private var count = 0
    private let mask: Int
    private let maxEntries: Int

    init(capacity: Int = 4096) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: Slot(), count: size)
        mask = size - 1
        maxEntries = capacity
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// The code stored for `bytes`, or `nil`.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.length < 0 { return nil }
            if slot.hash == hash && Int(slot.length) == bytes.count {
                let same = keys.withUnsafeBufferPointer { stored in
                    bytes.count == 0 || memcmp(stored.baseAddress! + Int(slot.offset), bytes.baseAddress!, bytes.count) == 0
                }
                if same { return slot.code }
            }
            index = (index + 1) & mask
        }
    }

    /// Remembers `code` for `bytes` (unless full).
    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, code: Int32) {
        guard count < maxEntries, bytes.count < 4096 else { return }
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].length >= 0 { index = (index + 1) & mask }
        slots[index] = Slot(hash: hash, offset: Int32(keys.count), length: Int32(bytes.count), code: code)
        keys.append(contentsOf: bytes)
        count += 1
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

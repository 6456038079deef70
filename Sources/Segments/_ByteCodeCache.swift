/// A small open-addressing table from a byte string to an integer code, so each distinct spelling
/// of a region or language (`Tamil Nadu`, `TN`, `IN-TN`) is normalised through the catalog once
/// per worker, and every later row costs a hash and a compare. Bounded: past `maxEntries`
/// spellings it stops remembering (results stay right, only slower).
final class ByteCodeCache {
    private struct Slot {
        var hash: UInt64 = 0
        var offset: Int32 = 0
        var length: Int32 = -1
        var code: Int32 = 0
    }

    private let slots: UnsafeMutablePointer<Slot>
    private let keys: UnsafeMutablePointer<UInt8>
    private let keyCapacity: Int
    private var keyCount = 0
    private var count = 0
    private let mask: Int
    private let maxEntries: Int

    init(capacity: Int = 4096, keyBytes: Int = 1 << 18) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = .allocate(capacity: size)
        slots.initialize(repeating: Slot(), count: size)
        keys = .allocate(capacity: keyBytes)
        keyCapacity = keyBytes
        mask = size - 1
        maxEntries = capacity
    }

    deinit {
        slots.deallocate()
        keys.deallocate()
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { LanguageImputation.fnv1a(bytes) }

    /// The code stored for `bytes`, or `nil`.
    @inline(__always)
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.length < 0 { return nil }
            if slot.hash == hash && Int(slot.length) == bytes.count
                && (bytes.count == 0 || memcmp(keys + Int(slot.offset), bytes.baseAddress!, bytes.count) == 0)
            {
                return slot.code
            }
            index = (index + 1) & mask
        }
    }

    /// Remembers `code` for `bytes` (unless full).
    func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, code: Int32) {
        guard count < maxEntries, keyCount + bytes.count <= keyCapacity else { return }
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].length >= 0 { index = (index + 1) & mask }
        slots[index] = Slot(hash: hash, offset: Int32(keyCount), length: Int32(bytes.count), code: code)
        if let base = bytes.baseAddress { (keys + keyCount).update(from: base, count: bytes.count) }
        keyCount += bytes.count
        count += 1
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

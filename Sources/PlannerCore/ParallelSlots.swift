/// Results of work spread over threads (`DispatchQueue.concurrentPerform`), one slot per
/// iteration, each written by its own thread only. A fixed buffer rather than an `Array`: threads
/// writing different slots of one array still share its storage (a copy-on-write check on every
/// write), which is a data race; here each slot is its own memory.
public final class ParallelSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Value>

    /// `count` slots, each holding `initial` until written.
    public init(count: Int, initial: Value) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: initial)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// The number of slots.
    public var count: Int { slots.count }

    /// Slot `index`: written by one thread, read after every thread has finished.
    public subscript(index: Int) -> Value {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    /// Every slot's value, in order (after the threads have finished).
    public var values: [Value] { Array(slots) }
}

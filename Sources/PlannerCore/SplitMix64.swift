/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast generator whose whole stream is fixed
/// by its seed, so synthetic files (customers, outcomes) and simulated tests are the same for the
/// same seed on every run. The one generator of the project.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator started from `seed`: the same seed gives the same sequence everywhere.
    public init(seed: UInt64) { state = seed }

    /// A generator started from `seed` passed once through the generator itself, for streams
    /// drawn with consecutive seeds (1, 2, 3, ...): their starting states are then unrelated.
    public init(scrambling seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        state = seeder.next()
    }

    /// The next 64 random bits (SplitMix64 step).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// An index below `n`.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

import LearningContract

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64), so every generated corpus and every
/// random test replays exactly from its seed on any platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (a bound below 1 counts as 1).
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    /// True with the given chance in percent (0...100).
    public mutating func chance(percent: Int) -> Bool { below(100) < percent }

    /// True with the given probability (0...1).
    public mutating func chance(probability: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < probability }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

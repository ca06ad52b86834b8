import LearningContract

/// Seeded create-activity payloads shaped like a provider's nightly sync, for the validator benchmark and the
/// agreement tests: about 70% valid, the rest broken in one of the `Mutation` ways. The same seed gives the same
/// bytes on every machine (SplitMix64, no Foundation randomness).
///
/// `small` payloads are about 550 bytes (both subtypes); `large` ones are learning assignments with a
/// `notes.content` of about 61 KiB, under the assumed 65,536-scalar limit so they stay valid.
public struct SyntheticCorpus: Sendable {
    public enum Size: String, Sendable, CaseIterable, Codable {
        case small, large
    }

    /// How an invalid payload was broken (the list, plus a few more the contract cares about).
    public enum Mutation: String, Sendable, CaseIterable, Codable {
        case missingField, percentageOutOfRange, wrongType, badEnum, badDate, overLongString, unknownProperty
        case malformedJSON, duplicateKey, badODataType, nullRequired, emptyString, fractionalPercentage, otherSubtypeField
    }

    public struct Payload: Sendable, Hashable {
        public var bytes: [UInt8]
        /// nil for a payload generated valid.
        public var mutation: Mutation?
        public var operation: Operation
        /// The named shape, for bodies made by `SyntheticCorpus.payload(_:seed:)`.
        public var shape: Shape?

        public init(bytes: [UInt8], mutation: Mutation?, operation: Operation, shape: Shape? = nil) {
            self.bytes = bytes
            self.mutation = mutation
            self.operation = operation
            self.shape = shape
        }
    }

    public var size: Size
    public var seed: UInt64
    public var validFraction: Double

    public init(size: Size, seed: UInt64, validFraction: Double = 0.7) {
        self.size = size
        self.seed = seed
        self.validFraction = validFraction
    }

    /// `count` payloads; the i-th payload depends only on the seed and i, so prefixes agree.
    public func generate(count: Int) -> [Payload] {
        (0..<count).map { payload(at: $0) }
    }

    public func payload(at position: Int) -> Payload {
        var random = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: position) &* 0x9E37_79B9_7F4A_7C15))
        var builder = PayloadBuilder(random: random)
        let assignment = size == .large || builder.random.chance(probability: 0.6)
        var members = assignment ? builder.assignment(large: size == .large) : builder.selfInitiated()
        random = builder.random
        guard random.chance(probability: 1 - validFraction) else {
            return Payload(bytes: PayloadBuilder.serialize(members), mutation: nil, operation: .createActivity)
        }
        let mutation = Mutation.allCases[Int(random.next() % UInt64(Mutation.allCases.count))]
        builder.random = random
        let bytes = builder.apply(mutation, to: &members, assignment: assignment)
        return Payload(bytes: bytes, mutation: mutation, operation: .createActivity)
    }
}

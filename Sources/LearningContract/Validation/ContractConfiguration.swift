/// What a user may change about the contract: strictness (globally and per contradiction), the assumed length
/// limits, and the unknown-property policy. Loaded from a contract file (`--contract FILE`), for example:
///
/// ```json
/// { "strictness": "strict",
///   "ambiguities": { "dueDateTimeShape": "lenient" },
///   "lengthLimits": { "notes.content": 4000, "externalCourseActivityId": 100 },
///   "unknownProperties": "ignore",
///   "wireSpelling": "docs" }
/// ```
public struct ContractConfiguration: Codable, Sendable, Hashable {
    /// How documented contradictions are judged unless `ambiguities` says otherwise. Default: lenient.
    public var strictness: Strictness
    /// Per-contradiction override, keyed by `Ambiguity.ID` raw value.
    public var ambiguities: [String: Strictness]
    /// Overrides of the assumed length limits, keyed by dotted field path (`notes.content`), applied to every body.
    public var lengthLimits: [String: Int]
    public var unknownProperties: UnknownPropertyPolicy
    /// The spelling responses give a property the docs spell two ways. Default: `csdl`, the metadata's, which the
    /// official SDKs read (see `WireSpelling`).
    public var wireSpelling: WireSpelling

    public init(
        strictness: Strictness = .lenient, ambiguities: [String: Strictness] = [:], lengthLimits: [String: Int] = [:],
        unknownProperties: UnknownPropertyPolicy = .reject, wireSpelling: WireSpelling = .csdl
    ) {
        self.strictness = strictness
        self.ambiguities = ambiguities
        self.lengthLimits = lengthLimits
        self.unknownProperties = unknownProperties
        self.wireSpelling = wireSpelling
    }

    public static let `default` = ContractConfiguration()

    /// The strictness that applies to one contradiction: its override in `ambiguities`, else `strictness`, except
    /// that a property's metadata spelling is never refused while responses carry it (`wireSpelling` `csdl`): a
    /// client must be able to send back a property under the name it read (the official SDKs send the metadata's
    /// name), so under `strict` it stays an accepted, reported variant.
    public func strictness(for ambiguity: Ambiguity.ID) -> Strictness {
        if let explicit = ambiguities[ambiguity.rawValue] { return explicit }
        if wireSpelling == .csdl, TypeModel.spellingAmbiguities.contains(ambiguity) { return .lenient }
        return strictness
    }

    /// Problems a contract file can have that decoding alone doesn't catch: unknown contradiction ids,
    /// unknown length-limit paths, non-positive limits. Empty when the configuration is usable.
    public func problems(against rules: RuleSet = .standard()) -> [String] {
        let known = Set(Ambiguity.documented.map(\.id.rawValue))
        var problems = ambiguities.keys.sorted().filter { !known.contains($0) }.map {
            "unknown ambiguity '\($0)' (see `learning-contract ambiguities`)"
        }
        let paths = Set(rules.bodies.flatMap { $0.fields.flatMap { $0.limitedPaths(prefix: "") } })
        for (path, value) in lengthLimits.sorted(by: { $0.key < $1.key }) {
            if !paths.contains(path) { problems.append("lengthLimits: '\(path)' is not a string field with a length limit") }
            if value < 1 { problems.append("lengthLimits: '\(path)' must be at least 1, got \(value)") }
        }
        return problems
    }

    enum CodingKeys: String, CodingKey { case strictness, ambiguities, lengthLimits, unknownProperties, wireSpelling }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        strictness = try container.decodeIfPresent(Strictness.self, forKey: .strictness) ?? .lenient
        ambiguities = try container.decodeIfPresent([String: Strictness].self, forKey: .ambiguities) ?? [:]
        lengthLimits = try container.decodeIfPresent([String: Int].self, forKey: .lengthLimits) ?? [:]
        unknownProperties = try container.decodeIfPresent(UnknownPropertyPolicy.self, forKey: .unknownProperties) ?? .reject
        wireSpelling = try container.decodeIfPresent(WireSpelling.self, forKey: .wireSpelling) ?? .csdl
    }
}

extension FieldRule {
    /// Dotted paths of this field and its nested fields that carry a length limit.
    func limitedPaths(prefix: String) -> [String] {
        let path = prefix.isEmpty ? name : prefix + "." + name
        var paths = maxLength == nil ? [] : [path]
        if case .object(_, let fields) = kind { paths += fields.flatMap { $0.limitedPaths(prefix: path) } }
        return paths
    }
}

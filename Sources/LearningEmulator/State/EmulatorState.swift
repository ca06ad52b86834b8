import LearningContract

/// The admin endpoint's state document (Conformance/STATE.md, "The state document"), every key optional: a seed, then providers, contents and
/// activities upserted by id, then licenses, then faults.
public struct EmulatorState: Sendable, Hashable {
    public var seed: EmulatorConfiguration.Seed?
    public var providers: [JSONObject]
    public var contents: [JSONObject]
    /// Premium learner licenses (spec R10) by user id, compared by bytes; users without an entry have none.
    public var licenses: [ExactKey: Bool]
    public var activities: [JSONObject]
    public var faults: [FaultRule]

    public init(seed: EmulatorConfiguration.Seed? = nil, providers: [JSONObject] = [], contents: [JSONObject] = [],
                licenses: [ExactKey: Bool] = [:], activities: [JSONObject] = [], faults: [FaultRule] = []) {
        self.seed = seed
        self.providers = providers
        self.contents = contents
        self.licenses = licenses
        self.activities = activities
        self.faults = faults
    }

    public init(json: JSONValue) throws(EmulatorStateError) {
        guard case .object(let root) = json else { throw EmulatorStateError(message: "the state document must be an object") }
        self.init()
        for member in root.members {
            switch member.key {
            case "seed":
                guard let text = member.value.stringValue, let seed = EmulatorConfiguration.Seed(rawValue: text) else {
                    throw EmulatorStateError(message: "seed must be \"docs\" or \"empty\"")
                }
                self.seed = seed
            case "providers": providers = try Self.objects(member.value, "providers", required: ["id"])
            case "contents": contents = try Self.objects(member.value, "contents", required: ["id", "providerId"])
            case "activities":
                activities = try Self.objects(member.value, "activities", required: ["@odata.type", "id", "learnerUserId", "learningProviderId"])
                for activity in activities where ActivityType(rawValue: activity["@odata.type"]?.stringValue ?? "") == nil {
                    throw EmulatorStateError(message: "activities: unknown @odata.type in activity \(activity["id"]?.stringValue ?? "")")
                }
            case "licenses":
                guard case .object(let map) = member.value else { throw EmulatorStateError(message: "licenses must be an object of user id to boolean") }
                for entry in map.members {
                    guard let value = entry.value.boolValue else { throw EmulatorStateError(message: "licenses.\(entry.key) must be a boolean") }
                    licenses[ExactKey(entry.key)] = value
                }
            case "faults":
                guard case .array(let items) = member.value else { throw EmulatorStateError(message: "faults must be an array") }
                faults = try items.map { value throws(EmulatorStateError) in try FaultRule.decode(value) }
            default:
                throw EmulatorStateError(message: "unknown key '\(member.key)'")
            }
        }
    }

    public var json: JSONValue {
        var root = JSONObject()
        if let seed { root["seed"] = .string(seed.rawValue) }
        root["providers"] = .array(providers.map { .object($0) })
        root["contents"] = .array(contents.map { .object($0) })
        root["licenses"] = .object(JSONObject(licenses.keys.sorted().map { .init(key: $0.text, value: .bool(licenses[$0] ?? false)) }))
        root["activities"] = .array(activities.map { .object($0) })
        root["faults"] = .array(faults.map { Self.faultJSON($0) })
        return .object(root)
    }

    private static func faultJSON(_ rule: FaultRule) -> JSONValue {
        var o = JSONObject()
        o["operation"] = .string(rule.operation)
        o["method"] = .string(rule.method)
        if let s = rule.status { o["status"] = .number(JSONNumber(s)) }
        if let r = rule.retryAfterSeconds { o["retryAfterSeconds"] = .number(JSONNumber(r)) }
        if let l = rule.latencyMs { o["latencyMs"] = .number(JSONNumber(l)) }
        o["every"] = .number(JSONNumber(rule.every))
        if let t = rule.times { o["times"] = .number(JSONNumber(t)) }
        return .object(o)
    }

    private static func objects(_ value: JSONValue, _ key: String, required: [String]) throws(EmulatorStateError) -> [JSONObject] {
        guard case .array(let items) = value else { throw EmulatorStateError(message: "\(key) must be an array") }
        var result: [JSONObject] = []
        for (index, item) in items.enumerated() {
            guard case .object(let object) = item else { throw EmulatorStateError(message: "\(key)[\(index)] must be an object") }
            for name in required where object[name]?.stringValue?.isEmpty ?? true {
                throw EmulatorStateError(message: "\(key)[\(index)] needs a non-empty string '\(name)'")
            }
            result.append(object)
        }
        return result
    }
}

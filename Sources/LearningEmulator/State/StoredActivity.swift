import LearningContract

/// One learningCourseActivity as the store keeps it: the value of every property of its type, in the order of
/// `type.properties` (absent = null). An array rather than a dictionary: no key per activity to keep, and
/// rendering walks it without hashing.
struct StoredActivity: Sendable, Hashable {
    var id: String
    var type: ActivityType
    /// Insertion order, so lists are stable.
    var sequence: Int
    private(set) var values: [JSONValue]

    subscript(name: String) -> JSONValue? {
        get { type.index(of: name).map { values[$0] } }
        set {
            guard let index = type.index(of: name) else { return }
            values[index] = newValue ?? .null
        }
    }

    var providerID: String { self["learningProviderId"]?.stringValue ?? "" }
    var learnerID: String { self["learnerUserId"]?.stringValue ?? "" }
    var contentID: String { self["learningContentId"]?.stringValue ?? "" }
    var externalID: String? { self[TypeModel.externalCourseActivityId.name]?.stringValue }

    /// Takes the type's properties from a request or state object; a property's metadata spelling counts as its
    /// docs spelling (`ActivityType.canonicalName`; the first spelling given wins); anything else (e.g.
    /// `registrationId`) is not stored.
    init(id: String, type: ActivityType, sequence: Int, from object: JSONObject) {
        self.id = id
        self.type = type
        self.sequence = sequence
        var values = [JSONValue](repeating: .null, count: type.properties.count)
        var seen = [Bool](repeating: false, count: type.properties.count)
        for member in object.members {
            let name = ActivityType.canonicalName(member.key)
            guard !ExactKey.same(name, "id"), let index = type.index(of: name), !seen[index] else { continue }
            values[index] = member.value
            seen[index] = true
        }
        if let idIndex = type.index(of: "id") { values[idIndex] = .string(id) }
        self.values = values
    }

    /// The entity with `@odata.type`, `id` and every property (the state document's form; no context).
    var object: JSONObject {
        var members = [JSONObject.Member(key: "@odata.type", value: .string(type.rawValue))]
        for (index, name) in type.properties.enumerated() {
            members.append(.init(key: name, value: values[index]))
        }
        return JSONObject(members)
    }
}

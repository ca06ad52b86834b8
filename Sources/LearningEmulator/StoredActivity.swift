import LearningContract

/// One learningCourseActivity as the store keeps it: every property value by its docs name (absent = null).
struct StoredActivity: Sendable, Hashable {
    var id: String
    var type: ActivityType
    /// Insertion order, so lists are stable.
    var sequence: Int
    var values: [String: JSONValue]

    var providerID: String { values["learningProviderId"]?.stringValue ?? "" }
    var learnerID: String { values["learnerUserId"]?.stringValue ?? "" }
    var contentID: String { values["learningContentId"]?.stringValue ?? "" }
    var externalID: String? { values["externalCourseActivityId"]?.stringValue }

    /// Takes the type's properties from a request or state object; `externalcourseActivityId` counts as
    /// `externalCourseActivityId`; anything else (e.g. `registrationId`) is not stored.
    init(id: String, type: ActivityType, sequence: Int, from object: JSONObject) {
        self.id = id
        self.type = type
        self.sequence = sequence
        var values: [String: JSONValue] = [:]
        for member in object.members {
            let name = ActivityType.canonicalName(member.key)
            guard name != "id", type.properties.contains(name), values[name] == nil else { continue }
            values[name] = member.value
        }
        self.values = values
    }

    /// The entity with `@odata.type`, `id` and every property (the state document's form; no context).
    var object: JSONObject {
        var members = [JSONObject.Member(key: "@odata.type", value: .string(type.rawValue))]
        for name in type.properties {
            members.append(.init(key: name, value: name == "id" ? .string(id) : values[name] ?? .null))
        }
        return JSONObject(members)
    }
}

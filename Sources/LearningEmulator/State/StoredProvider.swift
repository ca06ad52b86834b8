import LearningContract

/// A learningProvider (RES-LP-v1, learn.microsoft.com/graph/api/resources/learningprovider?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0): the properties as last written, in their given order.
struct StoredProvider: Sendable, Hashable {
    var id: String
    var sequence: Int
    var properties: JSONObject

    /// RES-LP-v1: "The default value is `false`."
    var isSyncEnabled: Bool { properties["isCourseActivitySyncEnabled"]?.boolValue ?? false }

    /// Properties every provider renders (RES-LP-v1), absent ones as null.
    static let propertyNames = [
        "id", "displayName", "squareLogoWebUrlForDarkTheme", "longLogoWebUrlForDarkTheme",
        "squareLogoWebUrlForLightTheme", "longLogoWebUrlForLightTheme", "isCourseActivitySyncEnabled", "loginWebUrl",
    ]

    var object: JSONObject {
        var result = JSONObject([.init(key: "id", value: .string(id))])
        for name in Self.propertyNames where name != "id" {
            result[name] = properties[name] ?? (name == "isCourseActivitySyncEnabled" ? .bool(false) : .null)
        }
        for member in properties.members where result[member.key] == nil && member.key != "@odata.type" {
            result.members.append(member)
        }
        return result
    }
}

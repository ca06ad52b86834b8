import LearningContract

/// A learningContent (RES-LC-v1, learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0) and the provider it was created by (which spec R9 checks).
struct StoredContent: Sendable, Hashable {
    var id: String
    var providerID: String
    var sequence: Int
    var properties: JSONObject

    var externalID: String? { properties["externalId"]?.stringValue }

    var object: JSONObject {
        var result = JSONObject([.init(key: "id", value: .string(id))])
        for member in properties.members where member.key != "id" && member.key != "providerId" && member.key != "@odata.type" {
            result.members.append(member)
        }
        return result
    }
}

import LearningContract
import LearningHTTP

extension Emulator {
    /// An OData string literal's inside: `'` doubled (learn.microsoft.com/graph/query-parameters, Escaping single quotes; learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, example 2 (alternate key)).
    static func keyLiteral(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "'")) else { return text }
        return text.replacingOccurrences(of: "'", with: "''")
    }

    /// Standards-form context of an activity (Conformance/STATE.md): `{base}/$metadata#employeeExperience/learningProviders('{id}')/
    /// learningCourseActivities/$entity`, with the selection in parentheses when `$select` was given.
    func activityContext(_ activity: StoredActivity, select: [String]?, _ context: RequestContext) -> String {
        var text = context.base + "/$metadata#employeeExperience/learningProviders('" + Self.keyLiteral(activity.providerID)
            + "')/learningCourseActivities"
        if let select {
            let spelling = configuration.contract.wireSpelling
            text += "(" + select.map { activity.type.wireName($0, spelling) }.joined(separator: ",") + ")"
        }
        return text + "/$entity"
    }

    /// Evolvable enums (graph.microsoft.com/v1.0/$metadata, EnumType assignmentType and courseStatus; learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row assignmentType (Prefer: include-unknown-enum-members)): members after `unknownFutureValue` read as `unknownFutureValue`
    /// unless the request sent `Prefer: include-unknown-enum-members`.
    func presented(_ name: String, _ value: JSONValue, _ context: RequestContext) -> JSONValue {
        guard !context.includeUnknownEnumMembers, case .string(let text) = value,
              let later = sentinelMembers[name], later.contains(text) else { return value }
        return .string("unknownFutureValue")
    }

    /// Writes an activity: `@odata.type`, `@odata.context`, then every property of its type (absent ones as
    /// null) or, with `$select`, `id` and the selected ones; each named as the configuration's `wireSpelling` says.
    func writeActivity(_ activity: StoredActivity, select: [String]?, _ context: RequestContext, into writer: inout JSONWriter) {
        writer.raw("{\"@odata.type\":")
        writer.string(activity.type.rawValue)
        writer.raw(",\"@odata.context\":")
        writer.string(activityContext(activity, select: select, context))
        let names = activity.type.properties
        let prefixes = activity.type.memberPrefixes(configuration.contract.wireSpelling)
        let sentinels = sentinelMembersByIndex[activity.type]
        for index in names.indices {
            if let select, names[index] != "id", !select.contains(names[index]) { continue }
            writer.append(prefixes[index])
            let value = activity.values[index]
            if !context.includeUnknownEnumMembers, case .string(let text) = value, let later = sentinels?[index] ?? nil,
               later.contains(text) {
                writer.string("unknownFutureValue")
            } else {
                writer.write(value)
            }
        }
        writer.raw(UInt8(ascii: "}"))
    }

    func activityResponse(_ status: Int, _ activity: StoredActivity, select: [String]?, _ context: RequestContext) -> HTTPResponse {
        var writer = JSONWriter(capacity: 1024)
        writeActivity(activity, select: select, context, into: &writer)
        return response(status, body: writer.bytes, context, preferenceApplied: true)
    }

    /// An object (provider or content) with a context first and enum presentation applied to its members.
    func entityResponse(_ status: Int, contextURL: String, _ object: JSONObject, _ context: RequestContext) -> HTTPResponse {
        var result = JSONObject([.init(key: "@odata.context", value: .string(contextURL))])
        for member in object.members { result.members.append(.init(key: member.key, value: presented(member.key, member.value, context))) }
        return response(status, body: JSONWriter.bytes(of: .object(result)), context, preferenceApplied: true)
    }
}

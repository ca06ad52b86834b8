/// The JSON shape and format a field's value must have.
public indirect enum FieldKind: Codable, Sendable, Hashable {
    /// A JSON string.
    case string
    /// A JSON boolean.
    case boolean
    /// A whole JSON number inside `range` (Edm.Int32 and narrower; see `JSONNumber` for `20.0`).
    case integer(range: ClosedRange<Int64>)
    /// A string naming a member of the enum `name`, limited to `allowed`.
    case enumeration(name: String, allowed: [String])
    /// Edm.DateTimeOffset: RFC 3339 with an offset, as the Graph OpenAPI pattern (github.com/microsoftgraph/msgraph-metadata/blob/master/openapi/v1.0/openapi.yaml, pattern of every Edm.DateTimeOffset).
    case dateTimeOffset
    /// dateTimeTimeZone.dateTime: `{date}T{time}` without an offset (learn.microsoft.com/graph/api/resources/itembody?view=graph-rest-1.0 and learn.microsoft.com/graph/api/resources/datetimetimezone?view=graph-rest-1.0, Properties tables).
    case localDateTime
    /// Edm.Duration in ISO 8601 form (`PT20M`; learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0).
    case duration
    /// An array of strings (learningContent tags and contributors).
    case stringArray
    /// A complex type (`itemBody`, `dateTimeTimeZone`) with its own fields.
    case object(type: String, fields: [FieldRule])

    /// How the kind is named in messages: "an integer in 0...100", "a dateTimeTimeZone object".
    public var summary: String {
        switch self {
        case .string: "a string"
        case .boolean: "a boolean"
        case .integer(let range):
            range == Int64(Int32.min)...Int64(Int32.max) ? "an Int32 integer" : "an integer in \(range.lowerBound)...\(range.upperBound)"
        case .enumeration(let name, let allowed): "one of the \(name) values " + allowed.joined(separator: ", ")
        case .dateTimeOffset: "an RFC 3339 date-time with offset, like 2021-05-11T22:57:17+00:00"
        case .localDateTime: "a date-time without offset, like 2022-09-22T16:05:00.0000000"
        case .duration: "an ISO 8601 duration, like PT20M"
        case .stringArray: "an array of strings"
        case .object(let type, _): "a \(type) object"
        }
    }
}

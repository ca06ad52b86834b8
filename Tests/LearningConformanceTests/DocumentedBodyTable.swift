import Foundation
import LearningContract

/// What the docs say about each property of the create and update bodies, written from the doc pages' tables and
/// NOT from the contract's rules: the independent table the generated fixtures (`Conformance/generated/`, whose
/// expectations `FixtureGenerator` takes from `Contract.validate`) are checked against, so a wrong rule fails a test.
///
/// Pages (learn.microsoft.com):
/// - create: graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, "Request body" table;
/// - update: graph/api/learningcourseactivity-update?view=graph-rest-1.0, "Request body" tables (one per subtype);
/// - types and nullability: graph/api/resources/learningassignment, graph/api/resources/learningselfinitiatedcourse,
///   graph/api/resources/learningcourseactivity, "Properties" tables; graph/api/resources/itembody and
///   graph/api/resources/datetimetimezone, "Properties" tables;
/// - error rows: graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, "Responses",
///   row "Multiple field validations fail" (the messages "Input field {fieldName} is required", "… is invalid",
///   "…shouldn't be empty", "…length exceeded than {expectedLength}").
/// Where two of these pages contradict each other the row names the documented contradiction (`reading`) and
/// expects the contract to answer it as a documented variant, whichever reading it takes.
struct DocumentedBodyTable {
    enum Kind: Equatable {
        case string
        case int32(ClosedRange<Int>)
        case enumeration([String])
        case dateTimeOffset
        /// dueDateTime: the create/update tables say DateTimeOffset, the resource page and every example a
        /// dateTimeTimeZone object (reading `dueDateTimeShape`).
        case dateTimeTimeZone
        /// notes: the tables say String, the resource page and every example an itemBody (reading `notesShape`).
        case itemBody
        /// id and registrationId: listed in the create table, but the service generates the id and registrationId
        /// is the path's provider (reading `serverGeneratedFieldsInCreate`).
        case serverGenerated
    }

    struct Field {
        var name: String
        var kind: Kind
        /// "Required" in the operation's table.
        var required: Bool
        /// Nullable in the resource page / metadata (learningcourseactivity "Properties": id, learnerUserId,
        /// learningContentId and learningAssignment.assignmentType are not nullable).
        var nullable: Bool
        /// Listed in the update table of the subtype (update only).
        var updatable: Bool
        /// The doc page and row this field's facts come from.
        var source: String
        /// A documented contradiction that decides some values of this field (see `outcome`).
        var reading: Ambiguity.ID? = nil
    }

    enum Outcome: Equatable, CustomStringConvertible {
        case accepted
        case refused(row: String, field: String)
        /// Decided by a documented contradiction: the contract must answer it as a documented variant.
        case reading(String)

        var description: String {
            switch self {
            case .accepted: "accepted"
            case .refused(let row, let field): "\(row) on \(field)"
            case .reading(let id): "documented variant \(id)"
            }
        }
    }

    static let create = "learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, \"Request body\" table"
    static let update = "learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, \"Request body\" table"
    static let assignmentPage = "learn.microsoft.com/graph/api/resources/learningassignment, \"Properties\" table"
    static let selfInitiatedPage = "learn.microsoft.com/graph/api/resources/learningselfinitiatedcourse, \"Properties\" table"
    /// The error rows' messages name this limit without a value: "Input field {fieldName}length exceeded than
    /// {expectedLength}" (create "Responses", row "Multiple field validations fail"). The value is the package's
    /// assumption (README "Decisions the docs leave open"), not the docs'.
    static let assumedMaxLength = 256
    static let courseStatus = ["notStarted", "inProgress", "completed"]
    static let assignmentTypes = ["required", "recommended", "unknownFutureValue"]

    /// The fields of one generated target (`createActivity.learningAssignment` …), by name.
    static func fields(of target: String) -> [String: Field] {
        let isCreate = target.hasPrefix("createActivity."), isAssignment = target.hasSuffix(".learningAssignment")
        let table = isCreate ? create : update
        let page = isAssignment ? assignmentPage : selfInitiatedPage
        func field(_ name: String, _ kind: Kind, required: Bool = false, nullable: Bool = true, updatable: Bool = false,
                   reading: Ambiguity.ID? = nil) -> Field {
            Field(name: name, kind: kind, required: required, nullable: nullable, updatable: isCreate || updatable,
                  source: "\(table), row \(name); \(page), row \(name)", reading: reading)
        }
        var fields: [Field] = [
            field("completedDateTime", .dateTimeOffset, updatable: true),
            field("completionPercentage", .int32(0...100), updatable: true),
            field("externalCourseActivityId", .string),
            field("id", .serverGenerated, nullable: false, reading: isCreate ? .serverGeneratedFieldsInCreate : nil),
            field("learnerUserId", .string, required: isCreate, nullable: false),
            field("learningContentId", .string, required: isCreate, nullable: false),
            // Required in the create table; the self-initiated example omits it and the service fills it from the path.
            field("learningProviderId", .string, required: isCreate, reading: isCreate ? .learningProviderIdRequired : nil),
        ]
        // The create table lists startedDateTime for both types ("self-initiated start time"); learningassignment's
        // page doesn't (reading startedDateTimeOnAssignment). The assignment update table doesn't list it.
        if isCreate || !isAssignment {
            fields.append(field("startedDateTime", .dateTimeOffset, updatable: true, reading: isAssignment ? .startedDateTimeOnAssignment : nil))
        }
        if isCreate { fields.append(field("registrationId", .serverGenerated, reading: .serverGeneratedFieldsInCreate)) }
        if isAssignment {
            fields += [
                field("assignedDateTime", .dateTimeOffset, updatable: true),
                field("assignerUserId", .string),
                field("assignmentType", .enumeration(assignmentTypes), required: isCreate, nullable: false,
                      reading: isCreate ? .peerRecommendedOnCreate : nil),
                field("dueDateTime", .dateTimeTimeZone, updatable: true, reading: .dueDateTimeShape),
                field("notes", .itemBody, updatable: true, reading: .notesShape),
                field("status", .enumeration(courseStatus), required: true, updatable: true),
            ]
        } else {
            // learningselfinitiatedcourse "Properties", row status: Optional, "inProgress, completed" (v1.0); the
            // create table marks it Required: reading selfInitiatedStatusRequired.
            fields.append(field("status", .enumeration(["inProgress", "completed"]), required: !isCreate, updatable: true,
                                reading: isCreate ? .selfInitiatedStatusRequired : nil))
        }
        if !isCreate {
            // The update tables list no id, no ids of the learner, content or provider, no external id: a body that
            // carries them is the contradiction nonUpdatableFieldsInUpdate (the update page's example 1 sends them).
            fields = fields.map { var f = $0; if !f.updatable && f.name != "id" { f.reading = .nonUpdatableFieldsInUpdate }; return f }
        }
        return Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0) })
    }

    /// What the docs say a body with `field` set to `value` (nil: absent) gets, everything else valid.
    static func outcome(_ field: Field, _ value: JSONValue?, isCreate: Bool) -> Outcome {
        let name = field.name
        guard let value else {
            if field.reading == .learningProviderIdRequired || field.reading == .selfInitiatedStatusRequired {
                return .reading(field.reading!.rawValue)
            }
            return field.required ? .refused(row: "fieldRequired", field: name) : .accepted
        }
        if value == .null {
            if field.kind == .serverGenerated, let reading = field.reading { return .reading(reading.rawValue) }
            if !field.nullable { return isCreate && field.required ? .refused(row: "fieldRequired", field: name) : .refused(row: "fieldInvalid", field: name) }
            if field.required { return .refused(row: "fieldRequired", field: name) }
            if field.reading == .startedDateTimeOnAssignment || field.reading == .nonUpdatableFieldsInUpdate { return .reading(field.reading!.rawValue) }
            return .accepted
        }
        let typed = typeOutcome(field, value)
        guard typed == .accepted else { return typed }
        if let reading = field.reading, reading == .startedDateTimeOnAssignment || reading == .nonUpdatableFieldsInUpdate {
            return .reading(reading.rawValue)
        }
        return .accepted
    }

    /// The value against the field's documented type alone.
    static func typeOutcome(_ field: Field, _ value: JSONValue) -> Outcome {
        let name = field.name, invalid = Outcome.refused(row: "fieldInvalid", field: name)
        switch field.kind {
        case .string, .serverGenerated:
            guard let text = value.stringValue else { return invalid }
            if text.isEmpty { return .refused(row: "fieldEmpty", field: name) }
            if text.unicodeScalars.count > assumedMaxLength { return .refused(row: "fieldTooLong", field: name) }
            return .accepted
        case .int32(let range):
            guard case .number(let number) = value, let double = Double(number.lexeme), double.rounded() == double,
                  range.contains(Int(double)) else { return invalid }
            return .accepted
        case .enumeration(let members):
            guard let text = value.stringValue else { return invalid }
            if members.contains(text) { return .accepted }
            // assignmentType peerRecommended: in the enum after unknownFutureValue, not in the create table's list.
            if text == "peerRecommended", let reading = field.reading { return .reading(reading.rawValue) }
            return invalid
        case .dateTimeOffset:
            guard let text = value.stringValue,
                  text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression) != nil
            else { return invalid }
            return .accepted
        case .dateTimeTimeZone:
            if value.stringValue != nil { return .reading(Ambiguity.ID.dueDateTimeShape.rawValue) }
            guard case .object(let object) = value else { return invalid }
            // datetimetimezone "Properties", row dateTime: not nullable.
            return object["dateTime"]?.stringValue == nil ? .refused(row: "fieldRequired", field: name + ".dateTime") : .accepted
        case .itemBody:
            if value.stringValue != nil { return .reading(Ambiguity.ID.notesShape.rawValue) }
            guard case .object(let object) = value else { return invalid }
            // itembody "Properties", row contentType: text or html.
            guard let type = object["contentType"]?.stringValue, ["text", "html"].contains(type) else {
                return .refused(row: "fieldInvalid", field: name + ".contentType")
            }
            return .accepted
        }
    }
}

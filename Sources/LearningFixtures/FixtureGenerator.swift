import LearningConformance
import LearningContract

/// Writes the boundary fixtures of `Conformance/generated/` from the contract's field rules (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, Request body table):
/// for every field of the create and update bodies, the values at and past each rule's edges (-1, 0, 100,
/// 101, 20.5, "20", true, null, absent, empty, over-long, bad enum, a field of the other subtype...).
/// The expected outcome of each value comes from the contract itself (`Contract.validate`), so the fixtures
/// and the rules cannot drift apart; a test checks the files on disk are what this generator writes. That the
/// rules are right is checked apart from them: `GeneratedFixturesTests` compares every step's expectation with
/// `DocumentedBodyTable`, written from the docs' "Request body" tables, and fails where they disagree.
public struct FixtureGenerator: Sendable {
    public struct File: Sendable, Hashable {
        /// Path under `Conformance/`, like `generated/createActivity.learningAssignment.completionPercentage.json`.
        public var path: String
        public var document: JSONValue
        /// The file's text as committed (pretty JSON and a final newline).
        public var text: String { document.serialized(pretty: true) + "\n" }
    }

    public let contract: Contract

    public init(contract: Contract = Contract()) { self.contract = contract }

    /// Ids of the target profile (`{{profile.KEY}}`, `Conformance/README.md` "Target profile"): the valid base of
    /// every generated body, so that the fixtures run against any target that has a provider, a content and a
    /// learner, not only against the emulator's docs world.
    enum World {
        static let provider = "{{profile.providerId}}"
        static let content = "{{profile.contentId}}"
        static let learner = "{{profile.learnerId}}"
        static let assignmentType = "#microsoft.graph.learningAssignment"
        static let selfInitiatedType = "#microsoft.graph.learningSelfInitiatedCourse"
    }

    /// A request body to start from, valid for the rule, and where it goes.
    struct Target {
        var rule: BodyRule
        var method: String
        var path: String
        var base: JSONObject
        var successStatus: Int
        var operationName: String
        /// For updates: the create body of the activity the scenario makes first (and the runner deletes).
        var setupBody: JSONObject? = nil
    }

    public func files() -> [File] {
        var files: [File] = []
        for target in targets() {
            for field in target.rule.fields where field.name != "@odata.type" {
                let cases = boundaryCases(for: field, in: target)
                guard !cases.isEmpty else { continue }
                files.append(file(for: target, topic: field.name, title: "boundaries of \(field.name)", cases: cases,
                                  source: field.source, tags: ["field:\(field.name)"]))
            }
            let other = otherSubtypeCases(in: target) + [Case(label: "an unknown property", pointer: "unknownProperty", value: .bool(true))]
            files.append(file(for: target, topic: "unknownAndOtherSubtypeProperties",
                              title: "unknown properties and properties of the other subtype", cases: other,
                              source: target.rule.source, tags: ["unknown-property"]))
            files.append(file(for: target, topic: "odataType", title: "@odata.type values", cases: odataTypeCases(in: target),
                              source: target.rule.source, tags: ["odata-type"]))
        }
        if let create = targets().first {
            let cases = [
                Case(label: "learnerUserId missing and completionPercentage 150",
                     mutations: [("learnerUserId", nil), ("completionPercentage", .number(JSONNumber(150)))]),
                Case(label: "status and assignmentType both invalid",
                     mutations: [("status", .string("bogus")), ("assignmentType", .string("bogus"))]),
            ]
            files.append(file(for: create, topic: "multipleViolations", title: "several field violations in one body",
                              cases: cases, source: create.rule.source, tags: ["multiple-violations"]))
        }
        return files
    }

    // MARK: targets

    func targets() -> [Target] {
        let provider = World.provider
        let activities = APIEndpoint.providerActivities.replacingOccurrences(of: "{registrationId}", with: provider)
        let assignment: JSONObject = [
            "@odata.type": .string(World.assignmentType), "assignmentType": "required",
            "learningContentId": .string(World.content), "learningProviderId": .string(provider),
            "learnerUserId": .string(World.learner), "status": "notStarted",
        ]
        let selfInitiated: JSONObject = [
            "@odata.type": .string(World.selfInitiatedType), "learningContentId": .string(World.content),
            "learningProviderId": .string(provider), "learnerUserId": .string(World.learner), "status": "inProgress",
        ]
        var targets: [Target] = []
        for rule in contract.rules.bodies {
            switch (rule.operation, rule.odataType) {
            case (.createActivity, World.assignmentType?):
                targets.append(Target(rule: rule, method: "POST", path: activities, base: assignment,
                                      successStatus: 201, operationName: "createActivity"))
            case (.createActivity, World.selfInitiatedType?):
                targets.append(Target(rule: rule, method: "POST", path: activities, base: selfInitiated,
                                      successStatus: 201, operationName: "createActivity"))
            case (.updateActivity, World.assignmentType?):
                targets.append(Target(rule: rule, method: "PATCH", path: activities + "/{{id}}", base: [
                    "@odata.type": .string(World.assignmentType), "status": "inProgress",
                ], successStatus: 204, operationName: "updateActivity", setupBody: assignment))
            case (.updateActivity, World.selfInitiatedType?):
                targets.append(Target(rule: rule, method: "PATCH", path: activities + "/{{id}}", base: [
                    "@odata.type": .string(World.selfInitiatedType), "status": "inProgress",
                ], successStatus: 204, operationName: "updateActivity", setupBody: selfInitiated))
            default:
                continue
            }
        }
        return targets
    }

    /// A unique external id for the activity a step may create (`{{unique}}` is unique per run and scenario).
    static func externalID(step: Int) -> JSONValue { .string("{{unique}}-\(step)") }

    // MARK: cases

    struct Case {
        var label: String
        /// Members to set (value) or remove (nil), in order.
        var mutations: [(String, JSONValue?)]

        init(label: String, pointer: String, value: JSONValue?) {
            self.label = label
            self.mutations = [(pointer, value)]
        }

        init(label: String, mutations: [(String, JSONValue?)]) {
            self.label = label
            self.mutations = mutations
        }
    }

    /// Fields whose valid values refer to the world (a user, a content, a provider): a valid but different
    /// value would meet a later check (licence, content/provider; on update, whether that check reads the
    /// ignored body value is undocumented), so only their invalid values are generated.
    static let referentialFields: Set<String> = ["learnerUserId", "learningContentId", "learningProviderId", "registrationId", "id"]

    func boundaryCases(for field: FieldRule, in target: Target) -> [Case] {
        let name = field.name
        var values: [(String, JSONValue?)] = []
        switch field.kind {
        case .integer(let range):
            let full = range == Int64(Int32.min)...Int64(Int32.max)
            if !full {
                values += [("below the minimum", .number(JSONNumber(Int(range.lowerBound - 1)))),
                           ("the minimum", .number(JSONNumber(Int(range.lowerBound)))),
                           ("the maximum", .number(JSONNumber(Int(range.upperBound)))),
                           ("above the maximum", .number(JSONNumber(Int(range.upperBound + 1))))]
            }
            values += [("a whole number written 20.0", .number(JSONNumber(lexeme: "20.0"))),
                       ("a fraction", .number(JSONNumber(lexeme: "20.5"))),
                       ("a numeric string", "20"), ("a boolean", true)]
        case .string:
            values += [("a plain string", .string("boundary-\(name)")), ("an empty string", ""), ("a number", 123)]
            if let limit = field.maxLength?.value, limit <= 4096 {
                values += [("exactly the length limit", .string(String(repeating: "a", count: limit))),
                           ("one past the length limit", .string(String(repeating: "a", count: limit + 1)))]
            }
        case .boolean:
            values += [("true", true), ("a string", "true"), ("a number", 1)]
        case .enumeration(let enumName, let allowed):
            values += allowed.map { ("the member \($0)", .string($0)) }
            if let first = allowed.first {
                values.append(("different casing", .string(first.prefix(1).uppercased() + first.dropFirst())))
            }
            for member in contract.membersAfterSentinel[name] ?? [] where !allowed.contains(member) {
                values.append(("\(member), after the \(enumName) sentinel", .string(member)))
            }
            values += [("an unknown member", "bogus"), ("a number", 1)]
        case .dateTimeOffset:
            values += [("an offset date-time", "2021-05-11T22:57:17+00:00"), ("a Z date-time", "2021-05-11T22:57:17Z"),
                       ("a date-time without offset", "2021-05-11T22:57:17"), ("a date only", "2021-05-11"),
                       ("not a date", "yesterday"), ("a number", 20)]
        case .object(let type, _):
            if type == "dateTimeTimeZone" {
                values += [("a dateTimeTimeZone", ["dateTime": "2022-09-22T16:05:00.0000000", "timeZone": "UTC"]),
                           ("a DateTimeOffset string", "2022-09-22T16:05:00+00:00"),
                           ("an object without dateTime", ["timeZone": "UTC"])]
            } else if type == "itemBody" {
                values += [("an itemBody", ["contentType": "text", "content": "boundary notes"]),
                           ("a plain string", "boundary notes"),
                           ("an unknown contentType", ["contentType": "markdown", "content": "x"])]
            } else {
                values += [("an empty object", [:])]
            }
            values.append(("a number", 42))
        case .localDateTime, .duration, .stringArray:
            return []
        }
        values += [("null", .null), ("absent", nil)]
        var cases: [Case] = []
        for (label, value) in values {
            if Self.referentialFields.contains(name), let value, value.stringValue != nil,
               expectation(for: apply([(name, value)], to: target.base), target: target).status == target.successStatus {
                continue
            }
            cases.append(Case(label: "\(name): \(label)", pointer: name, value: value))
        }
        return cases
    }

    func otherSubtypeCases(in target: Target) -> [Case] {
        target.rule.otherSubtypeFields.keys.sorted().map { name in
            let sample: JSONValue =
                name.hasSuffix("DateTime") ? "2021-05-21T22:57:17+00:00"
                : name == "assignmentType" ? "required"
                : name == "notes" ? ["contentType": "text", "content": "x"]
                : .string("cea1684d-57dc-438d-a9d1-e666ec1a7f3d")
            return Case(label: "\(name), a property of the other subtype", pointer: name, value: sample)
        }
    }

    func odataTypeCases(in target: Target) -> [Case] {
        [
            Case(label: "@odata.type absent", pointer: "@odata.type", value: nil),
            Case(label: "@odata.type the base type", pointer: "@odata.type", value: "#microsoft.graph.learningCourseActivity"),
            Case(label: "@odata.type unknown", pointer: "@odata.type", value: "#microsoft.graph.learningBogus"),
            Case(label: "@odata.type without the leading #", pointer: "@odata.type",
                 value: .string(String((target.base["@odata.type"]?.stringValue ?? "").dropFirst()))),
            Case(label: "@odata.type not a string", pointer: "@odata.type", value: 1),
        ]
    }

    func apply(_ mutations: [(String, JSONValue?)], to base: JSONObject) -> JSONValue {
        var body = base
        for (key, value) in mutations { body[key] = value }
        return .object(body)
    }

    // MARK: expectations

    struct Expectation {
        var status: Int
        var row: ErrorRow.ID?
        var slots: [String: String]
        var details: [GraphError.Detail]
        var note: String?
        /// When the body is accepted only as a documented variant: the status a strict reading gives, and why.
        var strictStatus: Int?
        /// When the error is the lenient reading's: the message a strict reading gives instead.
        var strictMessage: String?
        var ambiguities: [String] = []
    }

    /// The contract read strictly (every documented contradiction resolved to the table's reading).
    var strictContract: Contract { Contract(configuration: ContractConfiguration(strictness: .strict)) }

    /// What the contract says the target must answer for `body`.
    func expectation(for body: JSONValue, target: Target) -> Expectation {
        let report = contract.validate(body, operation: target.rule.operation)
        guard let error = report.graphError else {
            guard !report.variants.isEmpty else {
                return Expectation(status: target.successStatus, row: nil, slots: [:], details: [], note: nil)
            }
            // Accepted only because the docs contradict each other: a target that takes the strict reading
            // answers with an error instead, which the runner reports as a documented variant.
            let ambiguities = report.variants.map { $0.ambiguity?.rawValue ?? $0.ruleID }
            let strict = strictContract.validate(body, operation: target.rule.operation)
            return Expectation(status: target.successStatus, row: nil, slots: [:], details: [],
                               note: "accepted as a documented variant: " + ambiguities.joined(separator: ", ")
                                   + "; a target taking the strict reading answers \(strict.graphError?.status ?? target.successStatus)",
                               strictStatus: strict.graphError?.status, ambiguities: ambiguities)
        }
        let row = contract.catalog[error.row]
        let slots = MessageTemplate.slots(in: error.message, template: row.messageTemplate) ?? [:]
        var expectation = Expectation(status: error.status, row: error.row, slots: slots, details: error.details, note: nil)
        // Read strictly, another violation may come first (a non-updatable field is refused before its value
        // is checked): that message is a documented variant of this step's answer.
        if !report.variants.isEmpty, let strict = strictContract.validate(body, operation: target.rule.operation).graphError,
           strict.status == error.status, strict.message != error.message {
            expectation.strictMessage = strict.message
            expectation.ambiguities = report.variants.map { $0.ambiguity?.rawValue ?? $0.ruleID }
        }
        return expectation
    }

    // MARK: documents

    func file(for target: Target, topic: String, title: String, cases: [Case], source: Source, tags: [String]) -> File {
        let id = "\(target.rule.id).\(topic)"
        var steps: [JSONValue] = []
        var requires: [JSONValue] = ["profile:providerId", "profile:contentId", "profile:learnerId"]
        if let setupBody = target.setupBody {
            var body = setupBody
            body["externalCourseActivityId"] = Self.externalID(step: 0)
            steps.append([
                "name": "setup: create the activity to update",
                "role": "app",
                "operation": "createActivity",
                "request": ["method": "POST", "path": .string("/employeeExperience/learningProviders/\(World.provider)/learningCourseActivities"),
                            "body": .object(body)],
                "expect": ["status": 201, "body": ["id": ["$match": "capture", "as": "id", "type": "string"]]],
            ])
            requires.append("setup")
        }
        for item in cases {
            var base = target.base
            // What a step creates carries an external id no other run or scenario uses.
            if target.successStatus == 201 { base["externalCourseActivityId"] = Self.externalID(step: steps.count + 1) }
            let body = apply(item.mutations, to: base)
            let expected = expectation(for: body, target: target)
            var expect = JSONObject()
            if let row = expected.row {
                expect["errorRow"] = .string(row.rawValue)
                if !expected.slots.isEmpty {
                    expect["slots"] = .object(JSONObject(expected.slots.sorted { $0.key < $1.key }.map {
                        JSONObject.Member(key: $0.key, value: .string($0.value))
                    }))
                }
                var error = JSONObject()
                if let strictMessage = expected.strictMessage {
                    error["message"] = [
                        "$match": "variant", "row": .string(row.rawValue), "field": "message",
                        "variants": [["value": .string(strictMessage), "ambiguity": .string(expected.ambiguities.first ?? "")]],
                    ]
                }
                // `details` is documented only for several violations (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0 "Multiple field validations").
                if expected.details.count > 1 {
                    error["details"] = .array(expected.details.map { detail in
                        var object: JSONObject = ["code": .string(detail.code), "message": .string(detail.message)]
                        object["target"] = detail.target.map(JSONValue.string) ?? ["$match": "ignore"]
                        return .object(object)
                    })
                }
                if !error.isEmpty { expect["body"] = ["error": .object(error)] }
            } else if let strictStatus = expected.strictStatus, strictStatus != expected.status {
                expect["status"] = [
                    "$match": "variant", "value": .number(JSONNumber(expected.status)),
                    "variants": [["value": .number(JSONNumber(strictStatus)), "ambiguity": .string(expected.ambiguities.first ?? "")]],
                ]
            } else {
                expect["status"] = .number(JSONNumber(expected.status))
                if expected.status == 201 {
                    expect["body"] = ["@odata.type": target.base["@odata.type"] ?? .null, "id": ["$match": "type", "type": "string"]]
                }
            }
            var step: JSONObject = [:]
            if let note = expected.note { step["$comment"] = .string(note) }
            step["name"] = .string(item.label)
            step["role"] = "app"
            step["operation"] = .string(target.operationName)
            step["request"] = ["method": .string(target.method), "path": .string(target.path), "body": body]
            step["expect"] = .object(expect)
            steps.append(.object(step))
        }
        // A create that succeeds makes an activity the runner deletes afterwards: the scenario needs `setup`.
        let creates = target.successStatus == 201
        let sourceObject: JSONObject = ["page": .string(source.page), "row": .string(source.location)]
        let document: JSONValue = [
            "$schema": "../../Schemas/fixture.schema.json",
            "$comment": "Generated by FixtureGenerator from the contract's rules; do not edit (regenerate: LEARNING_RECORD=all swift test --filter GeneratedFixturesTests).",
            "id": .string(id),
            "title": .string("\(target.rule.id): \(title)"),
            "source": .object(sourceObject),
            "tags": .array((["generated", "boundary", target.operationName] + tags).map(JSONValue.string)),
            "requires": .array(requires + (target.setupBody == nil && creates ? ["setup"] : [])),
            "steps": .array(steps),
        ]
        return File(path: "generated/\(id).json", document: document)
    }
}

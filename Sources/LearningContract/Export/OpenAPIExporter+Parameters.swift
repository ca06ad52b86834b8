/// The OpenAPI parameters: path keys, the query options and `Prefer`, and which `$select` names each entity takes.
extension OpenAPIExporter {
    /// The entity each tag reads and the body rules its properties come from (the create or upsert bodies, which
    /// are also what the response entity schemas derive from).
    static let entityBodies: [(tag: String, operation: Operation)] = [
        ("learningCourseActivity", .createActivity), ("learningProvider", .createProvider), ("learningContent", .upsertContent),
    ]

    /// Whether a body field is a property of the entity as returned: every field a body may send, not the ones
    /// that should not be sent (server-generated members such as `registrationId`, and `startedDateTime` on an
    /// assignment, which the metadata defines only on learningSelfInitiatedCourse).
    static func isEntityProperty(_ field: FieldRule) -> Bool {
        if case .disputedPresent = field.presence { return false }
        return true
    }

    /// The property names `$select` takes on the entity of `tag`: `id`, each entity property of every subtype
    /// (once), and each alias accepted under `configuration` (`externalcourseActivityId`, the metadata spelling,
    /// under lenient); then `*`, which selects them all.
    ///
    /// learn.microsoft.com/graph/query-parameters, "select parameter": the names are the type's properties;
    /// learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, "Optional query parameters"
    /// ($select supported). A name the type doesn't have is refused with 400 invalidQueryOption.
    static func selectableNames(tag: String, rules: RuleSet, configuration: ContractConfiguration) -> [String] {
        guard let operation = entityBodies.first(where: { $0.tag == tag })?.operation else { return [] }
        var names = ["id"]
        func add(_ name: String) { if !names.contains(name) { names.append(name) } }
        for body in rules.bodies(for: operation) {
            for field in body.fields where isEntityProperty(field) { add(field.name) }
        }
        for body in rules.bodies(for: operation) {
            for field in body.fields where isEntityProperty(field) {
                for alias in field.aliases where configuration.strictness(for: alias.ambiguity) == .lenient { add(alias.name) }
            }
        }
        return names + ["*"]
    }

    /// The `$select` parameter component of the entity `operation` reads (component keys can't hold `$`).
    static func selectParameter(for operation: Operation) -> String { "select-" + tag(for: operation) }

    /// An alternate key as it stands inside `'…'`: any characters, with each single quote doubled.
    /// learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, "HTTP request" (the key form
    /// `(externalCourseActivityId='{externalCourseActivityId}')`); OData 4.01 ABNF, rule `SQUOTE-in-string` (two
    /// single quotes stand for one inside a string literal). A lone `'` ends the literal early, and `serve` answers 400.
    static let quotedKeyPattern = "^([^']|'')+$"

    /// `$top` and `$skip`: a non-negative integer (OData 4.01 ABNF, rules `top` and `skip`: `1*DIGIT`). `serve` reads it
    /// as a 64-bit integer and answers a larger one 400 invalidQueryOption, so the schema states that bound.
    static let pagingSchema: JSONValue = ["type": "integer", "format": "int64", "minimum": 0, "maximum": .number(JSONNumber(Int.max))]
}

import Testing
@testable import LearningContract

/// The type model is the one list of properties per type; the rules must agree with it. Expectations from the docs:
/// learn.microsoft.com/graph/api/resources/learningcourseactivity?view=graph-rest-1.0 ("Properties" table) and the
/// metadata (schemas/v1.0-Prod.csdl, EntityType learningCourseActivity: Property externalcourseActivityId).
@Suite struct TypeModelTests {
    @Test func externalIDHasBothSpellingsInOnePlace() {
        let property = TypeModel.externalCourseActivityId
        #expect(property.name == "externalCourseActivityId")
        #expect(property.metadataSpelling == "externalcourseActivityId")
        #expect(property.spellings == ["externalCourseActivityId", "externalcourseActivityId"])
        #expect(property.wireName(.csdl) == "externalcourseActivityId")
        #expect(property.wireName(.docs) == "externalCourseActivityId")
        #expect(TypeModel.spellingAmbiguities == [.externalCourseActivityIdSpelling])
    }

    /// The rule of the external id takes its name and alias from the model.
    @Test func ruleAliasComesFromTheModel() {
        let rules = RuleSet.standard()
        for body in rules.bodies(for: .createActivity) + rules.bodies(for: .updateActivity) {
            let field = try! #require(body.fields.first { $0.name == TypeModel.externalCourseActivityId.name })
            #expect(field.aliases.map(\.name) == ["externalcourseActivityId"], "\(body.id)")
        }
    }

    struct BodyType: Sendable, CustomTestStringConvertible {
        var bodyID: String
        var type: TypeModel
        var testDescription: String { bodyID }
    }

    static let bodyTypes = [
        BodyType(bodyID: "createActivity.learningAssignment", type: .learningAssignment),
        BodyType(bodyID: "createActivity.learningSelfInitiatedCourse", type: .learningSelfInitiatedCourse),
        BodyType(bodyID: "updateActivity.learningAssignment", type: .learningAssignment),
        BodyType(bodyID: "updateActivity.learningSelfInitiatedCourse", type: .learningSelfInitiatedCourse),
        BodyType(bodyID: "createProvider", type: .learningProvider),
        BodyType(bodyID: "updateProvider", type: .learningProvider),
        BodyType(bodyID: "upsertContent", type: .learningContent),
    ]

    /// Every field a body rule names is a property of the body's type, except the create path segment
    /// `registrationId` (which the create example sends) and `startedDateTime` on an assignment (the
    /// `startedDateTimeOnAssignment` contradiction: learningassignment's "Properties" table lists it, the metadata not).
    @Test(arguments: bodyTypes)
    func ruleFieldsAreModelProperties(_ case_: BodyType) throws {
        let body = try #require(RuleSet.standard().bodies.first { $0.id == case_.bodyID })
        for field in body.fields where field.name != "registrationId" && field.presence != .disputedPresent(.startedDateTimeOnAssignment) {
            #expect(case_.type.property(field.name) != nil, "\(field.name) of \(body.id) is not in the model of \(case_.type.name)")
        }
    }

    /// In an activity update body, a field is refused-or-ignored (the `nonUpdatableFieldsInUpdate` contradiction)
    /// exactly when the model says it is not updatable: the update page's "Request body" tables.
    @Test(arguments: bodyTypes.filter { $0.bodyID.hasPrefix("updateActivity") })
    func updateBodiesFollowTheModelsUpdatability(_ case_: BodyType) throws {
        let body = try #require(RuleSet.standard().bodies.first { $0.id == case_.bodyID })
        for field in body.fields {
            let property = try #require(case_.type.property(field.name))
            let ruledNotUpdatable = field.presence == .disputedPresent(.nonUpdatableFieldsInUpdate)
            #expect(ruledNotUpdatable == (property.access != .updatable), "\(field.name) of \(body.id)")
        }
    }

    /// CSDL Nullable=false properties are non-nullable in the create rules.
    @Test(arguments: bodyTypes.filter { $0.bodyID.hasPrefix("create") })
    func createRulesKeepTheModelsNonNullables(_ case_: BodyType) throws {
        let body = try #require(RuleSet.standard().bodies.first { $0.id == case_.bodyID })
        for field in body.fields {
            guard let property = case_.type.property(field.name), !property.nullable, property.access != .readOnly else { continue }
            #expect(!field.nullable, "\(field.name) of \(body.id)")
        }
    }
}

/// The executable contract: the rules, the error catalog and the documented contradictions, under one
/// configuration. Validating never throws: a bad payload is a report, not an error.
///
/// ```swift
/// let contract = Contract()
/// let report = contract.validate(Array(payload.utf8), operation: .createActivity)
/// if let error = report.graphError { print(error.status, error.message) }
/// ```
public struct Contract: Sendable {
    public let configuration: ContractConfiguration
    public let catalog: ErrorCatalog
    public let rules: RuleSet
    public let ambiguities: [Ambiguity]
    /// The findings' fixed texts for these rules and this catalog, built once.
    let reportTexts: ReportTexts

    public init(configuration: ContractConfiguration = .default) {
        self.configuration = configuration
        self.catalog = .documented
        self.rules = .standard(lengthLimits: configuration.lengthLimits, unknownProperties: configuration.unknownProperties)
        self.ambiguities = Ambiguity.documented
        self.reportTexts = ReportTexts(rules: rules, catalog: catalog)
    }

    /// Validates an already parsed payload.
    public func validate(_ value: JSONValue, operation: Operation, apiVersion: APIVersion = .v1) -> ValidationReport {
        var validator = Validator(
            rules: rules, configuration: configuration, catalog: catalog, apiVersion: apiVersion, texts: reportTexts)
        return validator.validate(value, operation: operation)
    }

    /// Evolvable enums (graph.microsoft.com/v1.0/$metadata, EnumType assignmentType and courseStatus; learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row assignmentType (Prefer: include-unknown-enum-members)): the members after `unknownFutureValue`, keyed by the property that uses them.
    public var membersAfterSentinel: [String: [String]] {
        var result: [String: [String]] = [:]
        for body in rules.bodies {
            for field in body.fields {
                if case .enumeration(let name, _) = field.kind, let definition = rules.enumDefinition(name),
                   !definition.membersAfterSentinel.isEmpty {
                    result[field.name] = definition.membersAfterSentinel
                }
            }
        }
        return result
    }

    /// Properties an update may change for a subtype (learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, Request body tables), `status` included.
    public func updatableFields(odataType: String) -> [String] {
        guard let body = rules.bodies(for: .updateActivity).first(where: { $0.odataType == odataType }) else { return [] }
        return body.fields.filter {
            if case .disputedPresent = $0.presence { return false }
            return true
        }.map(\.name)
    }

    public func ambiguity(_ id: Ambiguity.ID) -> Ambiguity? { ambiguities.first { $0.id == id } }
}

@testable import LearningContract
import LearningFixtures
import Testing

/// The compiled reporting path (`FastValidator.report`, behind `validateFast` for every non-empty report) gives
/// the tree path's report exactly, violation by violation (pointers, messages, rule ids, sources, order, rows and
/// variants), and builds it itself for every shape the corpus generator makes except malformed JSON, whose report
/// quotes the reader's error. The arguments are `Shape.allCases`, so a new shape is covered the moment it exists.
@Suite("Compiled reporting path: the tree path's full report")
struct CompiledReportTests {
    static let agreement = FastAgreement()

    /// The shapes whose report the compiled path leaves to the tree path, by design.
    static let leftToTheTree: Set<SyntheticCorpus.Shape> = [.malformedJSON]

    static func compiled(_ bytes: [UInt8], _ agreement: FastAgreement, operation: Operation = .createActivity,
                         apiVersion: APIVersion = .v1) -> ValidationReport? {
        bytes.withUnsafeBytes {
            agreement.fast.report($0, operation: operation, apiVersion: apiVersion, contract: agreement.contract)
        }
    }

    @Test(arguments: SyntheticCorpus.Shape.allCases)
    func everyShapeGetsTheTreePathsReport(_ shape: SyntheticCorpus.Shape) throws {
        for seed in 0..<(shape == .longNotes ? 3 : 25) as Range<UInt64> {
            let payload = SyntheticCorpus.payload(shape, seed: seed)
            let text = String(decoding: payload.bytes.prefix(200), as: UTF8.self)
            let tree = Self.agreement.contract.validate(payload.bytes, operation: .createActivity)
            let compiled = Self.compiled(payload.bytes, Self.agreement)
            if Self.leftToTheTree.contains(shape) {
                #expect(compiled == nil, "\(shape) seed \(seed): \(text)")
            } else {
                let compiled = try #require(compiled, "\(shape) seed \(seed): the compiled path left it to the tree: \(text)")
                #expect(compiled == tree, "\(shape) seed \(seed): \(Self.difference(compiled, tree)) \(text)")
            }
            // What callers get: `validateFast`, and the tree-aware `validate(_:parsed:)` on an already read body.
            #expect(Self.agreement.contract.validateFast(payload.bytes, operation: .createActivity, using: Self.agreement.fast) == tree)
            if let document = try? JSONReader().read(payload.bytes) {
                let parsed = Self.agreement.contract.validate(
                    payload.bytes, parsed: document.root, operation: .createActivity, using: Self.agreement.fast)
                #expect(parsed == tree, "\(shape) seed \(seed): \(Self.difference(parsed, tree))")
            }
        }
    }

    /// Under `strict` every reading is a violation, under `ignore` unknown names are not: the same reports.
    @Test(arguments: [
        ContractConfiguration(strictness: .strict),
        ContractConfiguration(unknownProperties: .ignore),
        ContractConfiguration(lengthLimits: ["notes.content": 100, "learnerUserId": 36, "externalCourseActivityId": 10]),
    ])
    func otherConfigurationsGetTheTreePathsReport(_ configuration: ContractConfiguration) {
        let agreement = FastAgreement(configuration)
        for shape in SyntheticCorpus.Shape.allCases where !Self.leftToTheTree.contains(shape) {
            for seed in 0..<4 as Range<UInt64> {
                let payload = SyntheticCorpus.payload(shape, seed: seed)
                for version in [APIVersion.v1, .beta] {
                    let tree = agreement.contract.validate(payload.bytes, operation: .createActivity, apiVersion: version)
                    let compiled = Self.compiled(payload.bytes, agreement, apiVersion: version)
                    #expect(compiled == tree, "\(shape) seed \(seed) \(version): \(compiled.map { Self.difference($0, tree) } ?? "left to the tree")")
                }
            }
        }
    }

    /// The documented examples as bodies of every operation that has one: the same report, or left to the tree.
    @Test func documentedExamplesOfEveryOperation() {
        for example in DocumentedExample.all {
            for operation in Operation.allCases where operation.hasRequestBody {
                let bytes = Array(example.body.utf8)
                let tree = Self.agreement.contract.validate(bytes, operation: operation)
                if let compiled = Self.compiled(bytes, Self.agreement, operation: operation) {
                    #expect(compiled == tree, "\(example.id) as \(operation): \(Self.difference(compiled, tree))")
                }
            }
        }
    }

    /// Hand-made bodies for the cases the order of findings depends on: repeated names (known, unknown, both
    /// spellings), an `@odata.type` that names no subtype or is repeated, one nested in a value before the top-level
    /// one, escaped names, and findings inside `notes` and `dueDateTime`.
    static let orderCases: [String] = [
        ##"{"@odata.type":"#microsoft.graph.learningAssignment","x":1,"x":2,"learnerUserId":"u","learnerUserId":"v","y":3,"x":4}"##,
        ##"{"@odata.type":"#microsoft.graph.learningAssignment","@odata.type":"#microsoft.graph.learningSelfInitiatedCourse"}"##,
        ##"{"@odata.type":"#microsoft.graph.learningSomething","learnerUserId":"u","learnerUserId":"u"}"##,
        ##"{"@odata.type":7,"zz":1}"##,
        ##"{"zz":1,"zz":2}"##,
        ##"{}"##,
        ##"{"notes":{"@odata.type":"#microsoft.graph.learningSelfInitiatedCourse"},"@odata.type":"#microsoft.graph.learningAssignment"}"##,
        ##"{"@odata.typ\u0065":"#microsoft.graph.learningAssignment","learn\u0065rUserId":"","completionPercentage":101}"##,
        ##"{"@odata.type":"#microsoft.graph.learningAssignment","notes":{"contentType":"html","content":"a","content":"b","q":1},"dueDateTime":{"dateTime":"2021-02-29T00:00:00","timeZone":"UTC","tz":1}}"##,
        ##"{"@odata.type":"#microsoft.graph.learningAssignment","externalCourseActivityId":"a","externalcourseActivityId":"b","externalcourseActivityId":"c"}"##,
        ##"{"@odata.type":"#microsoft.graph.learningSelfInitiatedCourse","externalcourseActivityId":null,"status":"notStarted","assignedDateTime":"2021-05-11T22:57:17Z","Status":"x"}"##,
        ##"{"@odata.type":"#microsoft.graph.learningAssignment","learningContentId":"c","learnerUserId":"u","learningProviderId":"p","assignedDateTime":"2021-05-11T22:57:17Z","assignmentType":"required","status":"inProgress","notes":"plain","dueDateTime":"2022-01-01T00:00:00Z","a@x":[1,{"b":2}],"a@x":0}"##,
    ]

    @Test(arguments: orderCases)
    func orderOfFindingsIsTheTreePaths(_ body: String) throws {
        let bytes = Array(body.utf8)
        for operation in [Operation.createActivity, .updateActivity] {
            for agreement in [Self.agreement, FastAgreement(ContractConfiguration(strictness: .strict))] {
                let tree = agreement.contract.validate(bytes, operation: operation)
                let compiled = try #require(Self.compiled(bytes, agreement, operation: operation), "left to the tree: \(body)")
                #expect(compiled == tree, "\(operation): \(Self.difference(compiled, tree)) \(body)")
            }
        }
    }

    /// More top-level members than the pass records, and a body that isn't an object: left to the tree path,
    /// and `validateFast` still gives its report.
    @Test func whatTheCompiledPathLeavesToTheTree() {
        var many = ##"{"@odata.type":"#microsoft.graph.learningAssignment""##
        for i in 0..<FastValidator.reportMemberCapacity { many += #","m\#(i)":\#(i)"# }
        for body in [many + "}", "[1]", "\"x\"", "{\"a\":1,}"] {
            let bytes = Array(body.utf8)
            #expect(Self.compiled(bytes, Self.agreement) == nil, "\(body.prefix(80))")
            #expect(Self.agreement.contract.validateFast(bytes, operation: .createActivity, using: Self.agreement.fast)
                == Self.agreement.contract.validate(bytes, operation: .createActivity))
        }
    }

    /// `Contract.read`: the report and, for a valid body only, the tree the reader gives (issue 9: read once).
    @Test(arguments: SyntheticCorpus.Shape.allCases)
    func readGivesTheReportAndTheTreeOfAValidBody(_ shape: SyntheticCorpus.Shape) throws {
        let contract = Self.agreement.contract
        for seed in 0..<3 as Range<UInt64> {
            let payload = SyntheticCorpus.payload(shape, seed: seed)
            let parsed = contract.read(payload.bytes, operation: .createActivity, using: Self.agreement.fast)
            #expect(parsed.report == contract.validate(payload.bytes, operation: .createActivity))
            if shape.isValid {
                #expect(parsed.document == (try JSONReader().read(payload.bytes)))
                #expect(parsed.report.odataType != nil)
            } else {
                #expect(parsed.document == nil)
            }
        }
    }

    /// The first violation that differs, for a readable failure.
    static func difference(_ a: ValidationReport, _ b: ValidationReport) -> String {
        if a.violations.count != b.violations.count || a.variants.count != b.variants.count {
            return "compiled \(a.violations.map(\.ruleID)) + \(a.variants.map(\.ruleID)), tree \(b.violations.map(\.ruleID)) + \(b.variants.map(\.ruleID))"
        }
        for (x, y) in zip(a.violations + a.variants, b.violations + b.variants) where x != y {
            return "compiled \(x), tree \(y)"
        }
        return a == b ? "" : "bodyRule \(a.bodyRule ?? "-") / \(b.bodyRule ?? "-"), graphError differs"
    }
}

import Foundation
import LearningConformance
import LearningContract
import LearningTestSupport
import Testing

/// Every fixture of `Conformance/` says where its expectation comes from by a page a reader can open: the `page` of
/// each scenario's and step's `source` is a `DocumentationPage` label (or a public address itself).
@Suite struct FixtureSourceTests {
    @Test func everyFixtureSourceNamesAPublicPage() throws {
        let scenarios = try ScenarioLoader.load(directory: Repository.conformance)
        var references: [(String, SourceReference)] = []
        for scenario in scenarios {
            if let source = scenario.source { references.append((scenario.id, source)) }
            for step in scenario.steps { if let source = step.source { references.append((scenario.id + " / " + step.name, source)) } }
        }
        #expect(references.count >= scenarios.count / 2, "only \(references.count) sources in \(scenarios.count) scenarios")
        for (owner, reference) in references {
            #expect(DocumentationPage.address(of: reference.page) != nil, "\(owner): page '\(reference.page)'")
            // A section is a heading of that page ("Properties"), not a number of the restatement the package was built from.
            if let section = reference.section { #expect(section.first?.isNumber != true, "\(owner): section '\(section)'") }
        }
    }
}

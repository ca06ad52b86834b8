import Foundation
import LearningConformance
import LearningContract
import Testing

/// Requirements are data: declared in `requires`, implied by the content, checked when a fixture loads.
@Suite struct RequirementTests {
    static func fixture(_ extra: String, path: String = "/employeeExperience/learningCourseActivities/x") -> String {
        #"{"id": "r", "tags": [], \#(extra) "steps": [{"role": "app", "request": {"method": "GET", "path": "\#(path)"}, "expect": {"status": 200}}]}"#
    }

    static func load(_ text: String) throws -> Scenario {
        try Scenario(fixture: JSONReader().read(Array(text.utf8)).root, file: "r.json")
    }

    @Test func nothingDeclaredMeansWhatTheContentImplies() throws {
        #expect(try Self.load(Self.fixture("")).requirements == [.api])
        let profiled = try Self.load(Self.fixture("", path: "/employeeExperience/learningProviders/{{profile.providerId}}/learningCourseActivities/x"))
        #expect(profiled.requirements == [.profile(.providerId)])
        let stated = try Self.load(Self.fixture(#""states": [{"name": "the docs world"}],"#))
        #expect(stated.requirements == [.operatorState])
    }

    @Test func declaredRequirementsAreKeptSorted() throws {
        let scenario = try Self.load(Self.fixture(#""requires": ["setup", "profile:learnerId", "api"],"#))
        #expect(scenario.requirements == [.profile(.learnerId), .setup])
    }

    @Test(arguments: [
        (fixture(#""requires": ["api"],"#, path: "/x/{{profile.providerId}}"), "/requires", "needs 'profile:providerId'"),
        (fixture(#""requires": ["api"], "states": [{"name": "the docs world"}],"#), "/requires", "needs 'operatorState'"),
        (fixture(#""requires": ["profile:nope"],"#), "/requires/0", "unknown requirement 'profile:nope'"),
        (fixture(#""requires": ["reading:lenient:noSuchAmbiguity"],"#), "/requires/0", "unknown requirement 'reading:lenient:noSuchAmbiguity'"),
        (fixture(#""requires": ["reading:strict:dueDateTimeShape"],"#), "/requires/0", "unknown requirement"),
        (fixture(#""states": [{"name": "a world that isn't known"}],"#), "/states/0/name", "unknown provider state"),
        (fixture(#""states": [{"name": "the docs world", "extra": 1}],"#), "/states/0/extra", "unknown key"),
        (fixture("", path: "/x/{{profile.nope}}"), "/steps", "unknown profile key"),
    ])
    func badDeclarationsAreFixtureErrors(_ text: String, _ pointer: String, _ message: String) {
        #expect {
            try Self.load(text)
        } throws: { error in
            guard let error = error as? FixtureError else { return false }
            return error.pointer.description == pointer && error.message.contains(message)
        }
    }

    @Test func aLenientReadingNamesADocumentedContradiction() throws {
        let scenario = try Self.load(Self.fixture(#""requires": ["reading:lenient:dueDateTimeShape", "api"],"#))
        #expect(scenario.requirements == [.lenientReading(.dueDateTimeShape)])
        #expect(scenario.requirements.map(\.description) == ["reading:lenient:dueDateTimeShape"])
    }

    @Test func everyShippedScenarioDeclaresItsRequirements() throws {
        for scenario in try ScenarioLoader.load(directory: LoaderTests.conformance) {
            #expect(!scenario.requires.isEmpty, "\(scenario.file) has no requires")
        }
    }
}

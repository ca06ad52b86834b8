@testable import LearningConformance
import LearningContract
import Testing

@Suite struct SubstitutionTests {
    @Test(arguments: [
        ("/a/{{id}}", "/a/x:y", [String]()),
        ("/a/{{id|percent}}", "/a/x%3Ay", []),
        ("/a/{{}}", "/a/{{}}", ["{{}}"]),
        ("/a/{{ }}", "/a/{{ }}", ["{{}}"]),
        ("/a/{{|percent}}", "/a/{{|percent}}", ["{{}}"]),
        ("/a/{{id|shout}}", "/a/{{id|shout}}", ["id|shout"]),
        ("/a/{{nope}}", "/a/{{nope}}", ["nope"]),
        ("/a/{{id", "/a/{{id", []),
    ])
    func placeholders(_ text: String, _ expected: String, _ expectedMissing: [String]) {
        var missing: [String] = []
        #expect(Substitution.apply(text, ["id": "x:y"], missing: &missing) == expected)
        #expect(missing == expectedMissing)
    }
}

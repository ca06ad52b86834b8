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

@Suite struct RedactorTests {
    @Test func scrubsEveryFormOfACredential() {
        let redactor = Redactor(secrets: ["Bearer abcd-1234-secret", "s3cr"])
        #expect(redactor.scrub("echo abcd-1234-secret here") == "echo [REDACTED] here")
        #expect(redactor.scrub("Authorization: Bearer abcd-1234-secret") == "Authorization: [REDACTED]")
        #expect(redactor.scrub("short s3cr too") == "short [REDACTED] too")
        #expect(Redactor(secrets: ["abc"]).scrub("abc") == "abc")
    }

    @Test func scrubsVariantsNotesAndReasonsToo() {
        let redactor = Redactor(secrets: ["tok-123456"])
        let variant = redactor.scrubbed(VariantHit(scenario: "s", step: 1, pointer: "/x", canonical: "a", actual: "tok-123456"))
        #expect(variant.actual == "[REDACTED]")
    }
}

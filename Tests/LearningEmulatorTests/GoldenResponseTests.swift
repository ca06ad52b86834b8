import LearningContract
import LearningEmulator
import LearningTestSupport
import Testing

/// Whole response bodies of the doc examples, pinned as golden files (pretty-printed; volatile ids masked).
@Suite struct GoldenResponseTests {
    static func pretty(_ reply: EmulatorHarness.Reply) -> String {
        var text = reply.json.map { $0.serialized(pretty: true) } ?? "<no JSON>"
        for volatile in [reply.header("request-id"), reply.json?["error"]?["innerError"]?["date"]?.stringValue] {
            if let volatile { text = text.replacingOccurrences(of: volatile, with: "<volatile>") }
        }
        return "HTTP \(reply.status)\n" + text + "\n"
    }

    @Test func getExample1() {
        let r = EmulatorHarness().get(Paths.v1 + "/employeeExperience/learningCourseActivities/" + DocsWorld.assignmentID)
        #expect(Golden.check(Self.pretty(r), named: "GoldenResponseTests/get-example-1.txt", filePath: #filePath) == nil)
    }

    @Test func listExample() {
        let r = EmulatorHarness().get(Paths.learnerActivities + "?$count=true")
        #expect(Golden.check(Self.pretty(r), named: "GoldenResponseTests/list-example.txt", filePath: #filePath) == nil)
    }

    @Test func fieldErrors() {
        let body = ##"{"@odata.type":"#microsoft.graph.learningAssignment","assignmentType":"sometimes","completionPercentage":101,"learningContentId":""}"##
        let r = EmulatorHarness().send("POST", Paths.contosoActivities, headers: ["client-request-id": "fixed-client-id"], json: body)
        #expect(Golden.check(Self.pretty(r), named: "GoldenResponseTests/create-field-errors.txt", filePath: #filePath) == nil)
    }
}

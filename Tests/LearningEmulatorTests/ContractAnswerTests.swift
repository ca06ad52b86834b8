import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

/// Where the emulator and the contract answer the same thing, the emulator's bytes are the contract's.
@Suite struct ContractAnswerTests {
    /// A body that is not JSON gets the contract's malformed-body error, `details` included (the reader's reason),
    /// exactly as `Contract.validate` reports it.
    @Test(arguments: ["{", "{\"status\": }", "[1,]", "\u{FEFF}{}"])
    func malformedBodyIsTheContractsAnswer(_ body: String) throws {
        let reply = EmulatorHarness().send("POST", Paths.contosoActivities, json: body)
        #expect(reply.status == 400)
        let expected = try #require(Contract().validate(Array(body.utf8), operation: .createActivity).graphError)
        let error = try #require(reply.json?["error"])
        #expect(error["code"] == .string(expected.code))
        #expect(error["message"] == .string(expected.message))
        let details = try #require(error["details"]?.arrayValue)
        #expect(details.count == expected.details.count)
        #expect(details.first?["message"] == expected.details.first.map { .string($0.message) })
        #expect(details.first?["message"] != nil)
    }

    /// One JSON writer: a control character in an echoed segment is escaped as RFC 8259 section 7's short form
    /// (`\b`), as `JSONValue.serialized()` writes it, not as `\u0008`.
    @Test func responsesEscapeAsTheContractsWriter() throws {
        let reply = EmulatorHarness().get(Paths.v1 + "/employeeExperience/x%08y", token: EmulatorHarness.app)
        #expect(reply.status == 400)
        let text = String(decoding: reply.response.body, as: UTF8.self)
        #expect(text.contains(#"x\by"#))
        #expect(!text.contains(#"\u0008"#))
        let message = try #require(reply.errorMessage)
        #expect(JSONValue.string(message).serialized() == "\"" + message.replacingOccurrences(of: "\u{8}", with: #"\b"#) + "\"")
    }
}

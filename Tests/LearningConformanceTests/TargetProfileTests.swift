import Foundation
import LearningConformance
import LearningContract
import LearningEmulator
import Testing
import LearningTestSupport

/// The target profile (`--target FILE`) and the hand-written schemas that describe it and the requirements.
@Suite struct TargetProfileTests {
    static let schemas = Repository.schemas

    static func schema(_ name: String) throws -> JSONValue {
        try JSONReader().read(Data(contentsOf: schemas.appendingPathComponent(name))).root
    }

    @Test func profileSchemaNamesExactlyTheProfileKeys() throws {
        let properties = try Self.schema("target-profile.schema.json")["properties"]?.objectValue
        let keys = Set(properties?.members.map(\.key) ?? [])
        #expect(keys == Set(TargetProfile.Key.allCases.map(\.rawValue) + ["$schema", "$comment"]))
    }

    @Test func fixtureSchemaNamesTheRequirementsAndTheProviderStates() throws {
        let schema = try Self.schema("fixture.schema.json")
        let names = schema[pointer: "/properties/states/items/properties/name/enum"]?.arrayValue?.compactMap(\.stringValue)
        #expect(names == ProviderStateEndpoint.names)
        let pattern = schema[pointer: "/properties/requires/items/pattern"]?.stringValue ?? ""
        let regex = try NSRegularExpression(pattern: pattern)
        for text in ScenarioRequirement.allTexts {
            #expect(regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil, "\(text)")
            #expect(ScenarioRequirement(text: text)?.description == text)
        }
        #expect(ScenarioRequirement(text: "profile:nope") == nil)
    }

    @Test func aProfileLoadsFromAFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("profile-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(#"{"$schema": "x", "providerId": "p-1", "learnerId": "u-1"}"#.utf8).write(to: url)
        let profile = try TargetProfile.load(url)
        #expect(profile[.providerId] == "p-1")
        #expect(profile[.learnerId] == "u-1")
        #expect(profile[.contentId] == nil)
    }

    @Test(arguments: [
        (#"{"providerID": "x"}"#, "/providerID", "unknown key"),
        (#"{"providerId": 5}"#, "/providerId", "expected a string"),
        (#"{"providerId": ""}"#, "/providerId", "non-empty"),
        (#"["providerId"]"#, "", "expected an object"),
        (#"{"providerId": "x""#, "", "invalid JSON"),
    ])
    func aMalformedProfileNamesTheFileAndThePointer(_ text: String, _ pointer: String, _ message: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-profile-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(text.utf8).write(to: url)
        #expect {
            try TargetProfile.load(url)
        } throws: { error in
            let description = "\(error)"
            return description.contains(url.path) && (pointer.isEmpty || description.contains(pointer)) && description.contains(message)
        }
    }

    @Test func aMissingProfileIsAnErrorNamingTheFile() {
        let url = URL(fileURLWithPath: "/nonexistent/target.json")
        #expect { try TargetProfile.load(url) } throws: { "\($0)".contains("/nonexistent/target.json") }
    }
}

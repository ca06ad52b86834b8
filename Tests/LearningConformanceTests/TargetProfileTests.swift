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
        #expect(keys == Set(TargetProfile.Key.allCases.map(\.rawValue) + ["$schema", "$comment", "readings"]))
    }

    @Test func profileSchemaNamesEveryDocumentedAmbiguityAsAReading() throws {
        let schema = try Self.schema("target-profile.schema.json")
        let ids = schema[pointer: "/properties/readings/oneOf/1/propertyNames/enum"]?.arrayValue?.compactMap(\.stringValue)
        #expect(ids.map(Set.init) == Set(Ambiguity.documented.map(\.id.rawValue)))
        let values = schema[pointer: "/properties/readings/oneOf/0/enum"]?.arrayValue?.compactMap(\.stringValue)
        #expect(values.map(Set.init) == Set(Strictness.allCases.map(\.rawValue)))
    }

    static func profile(_ text: String) throws -> TargetProfile {
        try TargetProfile(document: JSONReader().read(Data(text.utf8)).root, file: "target.json")
    }

    @Test func readingsForEveryContradictionOrOneByOne() throws {
        let all = try Self.profile(#"{"readings": "strict"}"#)
        for ambiguity in Ambiguity.documented { #expect(all.reading(of: ambiguity.id) == .strict) }
        let some = try Self.profile(#"{"readings": {"nonUpdatableFieldsInUpdate": "strict", "notesShape": "lenient"}}"#)
        #expect(some.reading(of: "nonUpdatableFieldsInUpdate") == .strict)
        #expect(some.reading(of: "notesShape") == .lenient)
        #expect(some.reading(of: "learningProviderIdRequired") == nil)
        #expect(try Self.profile(#"{"providerId": "p"}"#).reading(of: "notesShape") == nil)
    }

    @Test(arguments: [
        (#"{"readings": "sloppy"}"#, "/readings", "expected \"strict\" or \"lenient\""),
        (#"{"readings": 1}"#, "/readings", "or an object of ambiguity ids"),
        (#"{"readings": {"noSuchThing": "strict"}}"#, "/readings/noSuchThing", "unknown key 'noSuchThing'"),
        (#"{"readings": {"notesShape": true}}"#, "/readings/notesShape", "expected \"strict\" or \"lenient\""),
    ])
    func malformedReadingsNameThePointer(_ text: String, _ pointer: String, _ message: String) {
        #expect {
            try Self.profile(text)
        } throws: { error in
            let description = "\(error)"
            return description.contains(pointer) && description.contains(message)
        }
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

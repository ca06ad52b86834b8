import Foundation
import LearningContract
import LearningEmulator
import Testing

/// `serve --id-seed N`: the same requests in the same order get the same ids (created activities and providers, and
/// `request-id`), so that a fuzzing run against `serve` can be repeated; without a seed, two emulators differ.
@Suite struct IDSeedTests {
    static let activities = "/v1.0/employeeExperience/learningProviders/\(DocsWorld.contosoProviderID)/learningCourseActivities"

    /// The ids one fixed sequence of requests gets: a created assignment, a created provider, and an error's request-id.
    static func ids(seed: UInt64?) -> [String] {
        var configuration = EmulatorConfiguration()
        configuration.idSeed = seed
        let harness = EmulatorHarness(configuration)
        let assignment = harness.send("POST", activities, json: DocBodies.createAssignment)
        let provider = harness.send(
            "POST", "/v1.0/employeeExperience/learningProviders",
            token: ProviderOperationTests.admin, json: ProviderOperationTests.newProvider)
        let refused = harness.get(activities + "/no-such-activity", token: EmulatorHarness.app)
        return [
            assignment["id"]?.stringValue ?? "no id (\(assignment.status))",
            provider["id"]?.stringValue ?? "no id (\(provider.status))",
            refused.json?["error"]?["innerError"]?["request-id"]?.stringValue ?? "no request-id (\(refused.status))",
        ]
    }

    @Test func theSameSeedGivesTheSameIDs() {
        let first = Self.ids(seed: 20261129)
        #expect(!first.contains { $0.hasPrefix("no ") }, "\(first)")
        #expect(Self.ids(seed: 20261129) == first)
    }

    @Test func anotherSeedOrNoneGivesOthers() {
        let seeded = Self.ids(seed: 1)
        let other = Self.ids(seed: 2)
        let unseeded = Self.ids(seed: nil)
        for index in seeded.indices {
            #expect(seeded[index] != other[index])
            #expect(seeded[index] != unseeded[index])
        }
        #expect(Self.ids(seed: nil) != unseeded)
    }
}

import Foundation
import LearningConformance
import LearningContract
import LearningEmulator
import Testing
import LearningEmbeddedEmulator

/// A failed scenario says how to recreate its state and how to get each role's token, and never carries a token.
struct ReproductionNoteTests {
    @Test func aFailedScenarioSaysHowToRecreateItsStateAndGetItsTokens() async throws {
        let (scenarios, roles) = try EmbeddedSuiteTests.suite()
        var scenario = try #require(scenarios.first { $0.id == "get-by-id-example-1" })
        // A planted wrong expectation: the target answers as documented, the fixture now expects 299.
        scenario.steps[scenario.steps.count - 1].expect.status = .number(JSONNumber(299))
        let passing = try #require(scenarios.first { $0.id == "delete-example" })
        let configuration = ConformanceConfiguration(baseURL: URL(string: "http://emulator.test/v1.0")!, freshTenant: .emulator, roles: roles, rows: .contract)
        let runner = ConformanceRunner(configuration: configuration, transport: EmbeddedEmulator.inMemoryTransport(Emulator()))
        let report = await runner.run(scenarios: [scenario, passing])

        let failed = try #require(report.scenarios.first { $0.id == scenario.id })
        #expect(failed.status == .failed)
        #expect(failed.notes.contains { $0.hasPrefix("to recreate the state:") }, "\(failed.notes)")
        for role in Set(scenario.steps.map(\.role)) {
            let note = failed.notes.first { $0.hasPrefix("token for role '\(role)':") }
            #expect(note != nil, "no token hint for \(role): \(failed.notes)")
            if roles[role]?.kind == .application { #expect(note?.contains("learning-contract token --app") == true) }
        }
        // Hints, never tokens: no JWT (base64url of {"alg" ...) anywhere in the report.
        #expect(!report.text().contains("eyJ"))
        let ok = try #require(report.scenarios.first { $0.id == passing.id })
        #expect(!ok.notes.contains { $0.hasPrefix("to recreate the state:") })
    }

    @Test func withoutTestTokensTheHintNamesTheEnvironmentVariable() {
        let role = RoleDefinition(name: "providerAdmin", kind: .delegated, permissions: ["LearningProvider.ReadWrite"])
        let hint = ConformanceRunner.tokenHint(for: role, minted: false)
        #expect(hint == "$LEARNING_CONTRACT_TOKEN_PROVIDER_ADMIN: a delegated token with the scopes LearningProvider.ReadWrite")
    }
}

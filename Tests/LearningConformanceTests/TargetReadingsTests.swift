import Foundation
import LearningConformance
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

/// A target that reads the documented contradictions strictly but can't say so (`serve --strict` behind a proxy that
/// hides `/_emulator/info`): the target profile's `readings` tells the runner, which then skips the docs examples only
/// the lenient reading accepts instead of reporting them as deviations. The strict emulator is the judge.
@Suite(.serialized, .timeLimit(.minutes(3))) struct TargetReadingsTests {
    static func run(readings: JSONValue?) async throws -> (ConformanceReport, [Scenario]) {
        let proxy = try ForwardingProxy(contract: ContractConfiguration(strictness: .strict))
        defer { proxy.stop() }
        proxy.registerDisabledProvider()
        let (all, roles) = try EmbeddedSuiteTests.suite()
        let scenarios = all.filter { $0.file.contains("examples/") }
        let profileURL = try proxy.profileFile(readings: readings)
        defer { try? FileManager.default.removeItem(at: profileURL) }
        let configuration = ConformanceConfiguration(
            baseURL: proxy.baseURL, stateURL: proxy.stateURL,
            credentials: ConformanceConfiguration.credentials(from: ForwardingProxy.environment(roles: roles), roles: roles),
            profile: try TargetProfile.load(profileURL), roles: roles, rows: .contract)
        let report = await ConformanceRunner(configuration: configuration, transport: HTTPClientTransport()).run(scenarios: scenarios)
        return (report, scenarios)
    }

    static func lenientOnly(_ scenarios: [Scenario]) -> Set<String> {
        Set(scenarios.filter { $0.requirements.contains { if case .lenientReading = $0 { true } else { false } } }.map(\.id))
    }

    @Test func undeclaredTheLenientExamplesFailAgainstAStrictTarget() async throws {
        let (report, scenarios) = try await Self.run(readings: nil)
        let lenient = Self.lenientOnly(scenarios)
        #expect(!lenient.isEmpty, "the suite has docs examples that only the lenient reading accepts")
        let failed = Set(report.scenarios.filter { $0.status == .failed }.map(\.id))
        #expect(failed == lenient, "\(report.text())")
    }

    @Test(arguments: [JSONValue.string("strict"), ["nonUpdatableFieldsInUpdate": "strict", "learningProviderIdRequired": "strict"]])
    func declaredStrictTheyAreSkippedNamingTheProfile(_ readings: JSONValue) async throws {
        let (report, scenarios) = try await Self.run(readings: readings)
        #expect(report.count(.failed) == 0, "\(report.text())")
        let skipped = report.scenarios.filter { $0.status == .skipped }
        #expect(Set(skipped.map(\.id)) == Self.lenientOnly(scenarios), "\(report.text())")
        for scenario in skipped {
            #expect(scenario.skipReasons.contains { $0.contains("strictly (the target profile's \"readings\")") }, "\(scenario.skipReasons)")
        }
    }
}

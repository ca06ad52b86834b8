import Foundation
import LearningConformance
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

/// `conform` against a target that is not its own emulator: `serve` behind a proxy that forwards only `/v1.0`
/// and `/beta`, credentials from the environment (static tokens of one tenant), ids from a target profile.
@Suite(.serialized, .timeLimit(.minutes(3))) struct AnyTargetTests {
    static func configuration(_ proxy: ForwardingProxy, stateURL: URL? = nil) throws -> (ConformanceConfiguration, [Scenario]) {
        let (scenarios, roles) = try EmbeddedSuiteTests.suite()
        let profileURL = try proxy.profileFile()
        defer { try? FileManager.default.removeItem(at: profileURL) }
        let configuration = ConformanceConfiguration(
            baseURL: proxy.baseURL, stateURL: stateURL,
            credentials: ConformanceConfiguration.credentials(from: ForwardingProxy.environment(roles: roles), roles: roles),
            profile: try TargetProfile.load(profileURL), roles: roles, rows: .contract)
        return (configuration, scenarios)
    }

    static func run(_ configuration: ConformanceConfiguration, _ scenarios: [Scenario]) async -> ConformanceReport {
        await ConformanceRunner(configuration: configuration, transport: HTTPClientTransport()).run(scenarios: scenarios)
    }

    static func executed(_ report: ConformanceReport) -> Int {
        report.scenarios.filter { $0.status != .skipped }.count
    }

    @Test func withAProfileMostScenariosExecuteAndNoneFails() async throws {
        let proxy = try ForwardingProxy()
        defer { proxy.stop() }
        proxy.registerDisabledProvider()
        let (configuration, scenarios) = try Self.configuration(proxy)
        let report = await Self.run(configuration, scenarios)
        print("AnyTarget:", report.summaryLine)
        #expect(!report.testTokens, "the proxied target does not advertise test tokens")
        #expect(report.count(.failed) == 0, "\(report.text())")
        #expect(report.exitCode == 0, "\(report.summaryLine)")
        #expect(Double(Self.executed(report)) >= 0.8 * Double(scenarios.count), "\(report.summaryLine)")
        for skipped in report.scenarios where skipped.status == .skipped {
            #expect(skipped.skipReasons.first?.hasPrefix("needs operatorState") == true, "\(skipped.id): \(skipped.skipReasons)")
        }
    }

    @Test func withThePactStateEndpointEveryScenarioExecutes() async throws {
        let proxy = try ForwardingProxy()
        defer { proxy.stop() }
        proxy.registerDisabledProvider()
        let (configuration, scenarios) = try Self.configuration(proxy, stateURL: proxy.stateURL)
        let report = await Self.run(configuration, scenarios)
        print("AnyTarget:", report.summaryLine)
        #expect(report.count(.passed) == scenarios.count, "\(report.text())")
        #expect(report.exitCode == 0)
    }

    @Test func withoutAProfileEachSkipNamesTheProfileKey() async throws {
        let proxy = try ForwardingProxy()
        defer { proxy.stop() }
        var (configuration, scenarios) = try Self.configuration(proxy)
        configuration.profile = TargetProfile()
        let report = await Self.run(configuration, scenarios.filter { $0.id == "provider-not-enabled" || $0.id == "unauthenticated" })
        let skipped = report.scenarios.first { $0.id == "provider-not-enabled" }
        #expect(skipped?.status == .skipped)
        #expect(skipped?.skipReasons.contains { $0.hasPrefix("needs profile:disabledProviderId") } == true, "\(skipped?.skipReasons ?? [])")
        #expect(report.scenarios.first { $0.id == "unauthenticated" }?.status == .passed)
    }

    @Test(arguments: [false, true])
    func twoRunsInARowGiveTheSameResultsAndLeaveNothingBehind(withStates: Bool) async throws {
        let proxy = try ForwardingProxy()
        defer { proxy.stop() }
        proxy.registerDisabledProvider()
        let before = proxy.activityIDs
        let (configuration, scenarios) = try Self.configuration(proxy, stateURL: withStates ? proxy.stateURL : nil)
        let first = await Self.run(configuration, scenarios)
        var second = configuration
        second.runID = ConformanceConfiguration.newRunID()
        let again = await Self.run(second, scenarios)
        func outcome(_ report: ConformanceReport) -> [String] {
            report.scenarios.map { "\($0.id) \($0.status.rawValue) \($0.deviations.count) \($0.stepsRun)" }
        }
        #expect(outcome(first) == outcome(again))
        #expect(first.count(.passed) > 0)
        #expect(proxy.activityIDs == before, "activities left behind: \(proxy.activityIDs.subtracting(before).sorted())")
    }

    @Test(arguments: ForwardingProxy.Mistake.allCases)
    func aPlantedMistakeIsReported(_ mistake: ForwardingProxy.Mistake) async throws {
        let proxy = try ForwardingProxy(mistake: mistake)
        defer { proxy.stop() }
        proxy.registerDisabledProvider()
        let (configuration, scenarios) = try Self.configuration(proxy, stateURL: proxy.stateURL)
        let filter: String
        let expected: (Deviation) -> Bool
        switch mistake {
        case .wrongStatus:
            filter = "assignment-lifecycle"
            expected = { $0.kind == .status && $0.expected.contains("201") && $0.actual.contains("200") }
        case .droppedField:
            filter = "assignment-lifecycle"
            expected = { $0.pointer.contains("learnerUserId") }
        case .deleteDoesNotDelete:
            filter = "assignment-lifecycle"
            expected = { $0.stepName == "get gives 404" }
        case .throttleWithoutRetryAfter:
            filter = "too-many-requests"
            expected = { $0.pointer == "header Retry-After" }
        }
        let before = proxy.activityIDs
        let report = await Self.run(configuration, scenarios.filter { $0.id == filter })
        #expect(report.exitCode == 1, "\(report.text())")
        if mistake == .wrongStatus || mistake == .droppedField {
            // The scenario failed at its first step (nothing captured, later steps skipped) or midway: what it
            // created is deleted all the same.
            #expect(proxy.activityIDs == before, "left behind: \(proxy.activityIDs.subtracting(before).sorted())")
        }
        let deviations = report.scenarios.flatMap(\.deviations)
        #expect(deviations.contains(where: expected), "\(mistake): \(report.text())")
    }
}

import Foundation
import LearningConformance
import LearningContract
import LearningHTTP
import Testing

/// Credentials, state, throttling, unreachable targets, bad responses: the runner's behaviour around the checks.
@Suite struct RunnerBehaviourTests {
    static let secret = "third-party-secret-0123456789"

    /// Records the Retry-After waits instead of sleeping.
    final class Waits: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Duration] = []
        func add(_ value: Duration) { lock.lock(); values.append(value); lock.unlock() }
        var all: [Duration] { lock.lock(); defer { lock.unlock() }; return values }
    }

    static func run(
        _ transport: any HTTPTransport, scenarios: [Scenario] = TestScenarios.all, credentials: [String: String] = [:],
        maxRetryWait: Duration = .seconds(10), waits: Waits = Waits()
    ) async -> ConformanceReport {
        var configuration = TestScenarios.configuration()
        configuration.credentials = credentials
        configuration.maxRetryWait = maxRetryWait
        let runner = ConformanceRunner(configuration: configuration, transport: transport, sleeper: { waits.add($0) },
                                       tenantIDs: TestScenarios.fixedTenant)
        return await runner.run(scenarios: scenarios)
    }

    @Test func roleWithoutCredentialIsSkippedWithTheReasonNeverPassed() async {
        let target = MiniTarget()
        target.advertisesTestTokens = false
        let report = await Self.run(target.transport)
        let lifecycle = report.scenarios.first { $0.id == "lifecycle" }
        #expect(lifecycle?.status == .skipped)
        #expect(lifecycle?.skipReasons.first?.contains("LEARNING_CONTRACT_TOKEN_APP") == true)
        #expect(report.count(.passed) == 1, "only the anonymous scenario can run: \(report.text())")
        #expect(report.exitCode == 0)
        #expect(report.summaryLine.contains("skipped"))
    }

    @Test func credentialsFromConfigurationAreUsedAndNeverPrinted() async throws {
        let target = MiniTarget()
        target.advertisesTestTokens = false
        target.echoesAuthorization = true
        let report = await Self.run(target.transport, scenarios: [TestScenarios.scenario(TestScenarios.notFound)],
                                    credentials: ["app": Self.secret])
        // The target echoes the token into its error message: a deviation, reported with the token redacted.
        #expect(report.exitCode == 1)
        for output in [report.text(), report.jsonText(), report.junitXML()] {
            #expect(!output.contains(Self.secret))
            #expect(output.contains("[REDACTED]"))
        }
        #expect(report.text().contains("Authorization: Bearer [REDACTED]"))
    }

    @Test func stateThatCannotBeSetSkipsTheScenario() async {
        let target = MiniTarget()
        target.stateStatus = 404
        let report = await Self.run(target.transport)
        #expect(report.count(.skipped) == TestScenarios.all.count)
        #expect(report.scenarios.allSatisfy { $0.skipReasons.first?.hasPrefix("state could not be set") == true })
        // Nothing was checked: a deployment gate must not read that as conformant.
        #expect(report.exitCode == 3)
        #expect(report.summaryLine.hasSuffix("nothing was checked: every scenario was skipped (see the reasons above)"))
    }

    @Test(arguments: [HTTPClientError.connectionRefused("127.0.0.1:9"), .timedOut])
    func unreachableTargetExitsWith3(_ failure: HTTPClientError) async {
        let transport = InMemoryTransport { _ throws(HTTPClientError) in throw failure }
        let report = await Self.run(transport)
        #expect(report.exitCode == 3)
        #expect(report.unreachable != nil)
        #expect(report.summaryLine.contains("unreachable"))
    }

    @Test func timeoutMidRunMakesTheScenarioUnreachable() async {
        let target = MiniTarget()
        let transport = InMemoryTransport { request throws(HTTPClientError) in
            if request.method == "PATCH" { throw .timedOut }
            return try await target.transport.send(request, to: URL(fileURLWithPath: "/"), timeout: nil)
        }
        let report = await Self.run(transport)
        #expect(report.scenarios.first { $0.id == "lifecycle" }?.status == .unreachable)
        #expect(report.exitCode == 3)
    }

    @Test(arguments: [HTTPClientError.connectionReset, .malformedResponse("bad status line"), .responseTooLarge(8 << 20)])
    func brokenResponsesAreDeviationsNotCrashes(_ failure: HTTPClientError) async {
        let target = MiniTarget()
        let transport = InMemoryTransport { request throws(HTTPClientError) in
            if request.target.contains("00000000-0000-0000-0000-000000000000") { throw failure }
            return try await target.transport.send(request, to: URL(fileURLWithPath: "/"), timeout: nil)
        }
        let report = await Self.run(transport)
        #expect(report.exitCode == 1)
        let kinds = Set(report.scenarios.flatMap(\.deviations).map(\.kind))
        #expect(kinds == [.transport])
    }

    @Test func hugeAndNonJSONBodiesAreDeviations() async {
        let transport = InMemoryTransport { request in
            if request.target.hasPrefix("/_emulator") { return HTTPResponse(status: request.method == "GET" ? 200 : 204, body: Array(#"{"testTokens":true}"#.utf8)) }
            if request.method == "POST" { return HTTPResponse(status: 201, headers: ["Content-Type": "application/json"], body: [UInt8](repeating: 0x20, count: 5 << 20)) }
            // A body nested far deeper than any reader should follow: a deviation, never a stack overflow.
            let deep = Array(repeating: UInt8(ascii: "["), count: 200_000)
            return HTTPResponse(status: 404, headers: ["Content-Type": "application/json"],
                                body: request.target.contains("00000000") ? deep : Array("{\"error\":".utf8))
        }
        let report = await Self.run(transport, scenarios: [TestScenarios.scenario(TestScenarios.lifecycle), TestScenarios.scenario(TestScenarios.notFound)])
        let kinds = report.scenarios.flatMap(\.deviations).map(\.kind)
        #expect(kinds.filter { $0 == .malformedBody }.count >= 2)
        #expect(report.exitCode == 1)
    }

    @Test func throttlingIsHonouredAndNoted() async {
        let target = MiniTarget()
        target.throttleFirst = 1
        let waits = Waits()
        let report = await Self.run(target.transport, scenarios: [TestScenarios.scenario(TestScenarios.notFound)], waits: waits)
        #expect(report.exitCode == 0, "\(report.text())")
        #expect(waits.all == [.seconds(2)])
        #expect(report.scenarios[0].notes.first?.contains("waited 2 s") == true)
    }

    @Test func throttlingPastTheCapIsReportedAsThrottled() async {
        let target = MiniTarget()
        target.throttleFirst = 100
        target.retryAfter = 3
        let waits = Waits()
        let report = await Self.run(target.transport, scenarios: [TestScenarios.scenario(TestScenarios.notFound)],
                                    maxRetryWait: .seconds(10), waits: waits)
        #expect(report.scenarios[0].status == .throttled)
        #expect(report.exitCode == 3)
        #expect(waits.all == [.seconds(3), .seconds(3), .seconds(3)])
        #expect(report.scenarios[0].deviations.isEmpty, "throttling is not a deviation unless a fixture says so")
    }

    /// `Retry-After: 0` once made the runner retry in a tight loop, forever: every retry now waits at least a
    /// second and the retries are capped in number.
    @Test(arguments: [0, -5])
    func aZeroOrNegativeRetryAfterCannotLoopForever(_ retryAfter: Int) async {
        let target = MiniTarget()
        target.throttleFirst = 1_000_000
        target.retryAfter = retryAfter
        let waits = Waits()
        let report = await Self.run(target.transport, scenarios: [TestScenarios.scenario(TestScenarios.notFound)],
                                    maxRetryWait: .seconds(600), waits: waits)
        #expect(report.scenarios[0].status == .throttled)
        #expect(waits.all == Array(repeating: .seconds(1), count: ConformanceRunner.maxThrottleRetries))
    }

    @Test func concurrentRunGivesTheSameReportAsASequentialOne() async {
        var configuration = TestScenarios.configuration(concurrency: 4)
        configuration.concurrency = 4
        let target = MiniTarget(mutations: [.wrongNotFoundCode])
        let concurrent = await ConformanceRunner(configuration: configuration, transport: target.transport,
                                                 sleeper: { _ in }, tenantIDs: { UUID().uuidString.lowercased() }).run(scenarios: TestScenarios.all)
        let sequential = await WrongTargetTests.run(MiniTarget(mutations: [.wrongNotFoundCode]))
        #expect(concurrent.scenarios.map(\.id) == sequential.scenarios.map(\.id))
        #expect(concurrent.scenarios.map(\.status) == sequential.scenarios.map(\.status))
    }
}

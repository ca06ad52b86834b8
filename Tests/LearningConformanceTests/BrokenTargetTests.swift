import Foundation
import LearningConformance
import LearningContract
import LearningHTTP
import LearningTestSupport
import Testing
import LearningEmbeddedEmulator

/// The runner against targets broken every way `BrokenTarget` knows, over real sockets: it never traps, stalls
/// or balloons; it ends within its budgets (kept small here) with exit 1 or 3 and a readable, bounded summary.
/// No timing is asserted beyond "it returned" (the suite's time limit).
@Suite(.serialized, .timeLimit(.minutes(3))) struct BrokenTargetTests {
    static func run(_ target: BrokenTarget, scenarios: [Scenario] = TestScenarios.all) async -> ConformanceReport {
        var configuration = ConformanceConfiguration(
            baseURL: target.baseURL, concurrency: 2, requestTimeout: .seconds(2), maxRetryWait: .seconds(2),
            freshTenant: .emulator, roles: TestScenarios.roles, rows: TestScenarios.rows)
        configuration.stepTimeout = .seconds(20)
        configuration.scenarioTimeout = .seconds(40)
        configuration.throttleBudget = .seconds(3)
        let client = HTTPClient(configuration: HTTPClientConfiguration(timeout: .seconds(2), maxResponseBytes: 8 << 20))
        // Retry-After waits are accounted against the budgets but not slept, so throttling costs no wall time.
        let runner = ConformanceRunner(configuration: configuration, transport: HTTPClientTransport(client: client), sleeper: { _ in })
        return await runner.run(scenarios: scenarios)
    }

    static let everyKind: [BrokenTarget.Mode] = [
        .retryAfter(status: 200, value: "9223372036854775807"),
        .retryAfter(status: 429, value: "9223372036854775807"),
        .retryAfter(status: 503, value: "99999999999999999999999999999"),
        .retryAfter(status: 429, value: "-5"),
        .retryAfter(status: 429, value: "Wed, 21 Oct 2015 07:28:00 GMT"),
        .hugeErrorCode(length: 4_000_000),
        .manyMembers(count: 100_000),
        .endlessThrottling(value: "0"),
        .endlessThrottling(value: "soon"),
        .crlfInID,
        .resetConnections,
        .neverAnswers,
        .garbage,
    ]

    @Test(arguments: everyKind)
    func endsWithExit1Or3AndABoundedReadableReport(_ mode: BrokenTarget.Mode) async throws {
        let target = try BrokenTarget(mode)
        defer { target.stop() }
        let report = await Self.run(target)
        let text = report.text()
        #expect([1, 3].contains(report.exitCode), "\(mode): \(text.prefix(4000))")
        #expect(text.hasSuffix(report.summaryLine + "\n"))
        // Bounded whatever the target sent: the report of 6 scenarios stays small.
        #expect(text.utf8.count < 256 * 1024, "\(mode): report of \(text.utf8.count) bytes")
        for deviation in report.scenarios.flatMap(\.deviations) {
            for field in [deviation.pointer, deviation.expected, deviation.actual] {
                #expect(field.count <= PeerText.shownCharacters + 32, "\(mode): \(field.prefix(200))")
            }
            #expect(!deviation.curl.contains("\r") && !deviation.curl.contains("\n"), "\(mode): \(deviation.curl.prefix(300))")
        }
    }

    @Test func aHugeRetryAfterOnAnyStatusDoesNotTrap() async throws {
        // `Retry-After: 9223372036854775807` on a 200 used to overflow `(seconds + 59) / 60` (SIGILL, no report).
        let target = try BrokenTarget(.retryAfter(status: 200, value: "9223372036854775807"))
        defer { target.stop() }
        let report = await Self.run(target)
        #expect(report.exitCode == 1)
        #expect(report.count(.passed) + report.count(.failed) + report.count(.skipped) == TestScenarios.all.count)
    }

    @Test func aHugeErrorCodeIsShownBoundedWithItsLength() async throws {
        let target = try BrokenTarget(.hugeErrorCode(length: 4_000_000))
        defer { target.stop() }
        let report = await Self.run(target)
        #expect(report.exitCode == 1)
        let actuals = report.scenarios.flatMap(\.deviations).map(\.actual)
        #expect(actuals.contains { $0.contains("(4000000 chars)") }, "\(actuals.prefix(3))")
        #expect(report.text().utf8.count < 64 * 1024)
    }

    @Test(.timeLimit(.minutes(2)))
    func manyUndeclaredMembersAreComparedInLinearTimeAndListedWithABound() async throws {
        // 340,000 undeclared members took 194 s of CPU for one response when each was looked up by a scan; at
        // 100,000 a scan per member is still minutes, a linear pass well under the limit.
        let target = try BrokenTarget(.manyMembers(count: 100_000))
        defer { target.stop() }
        let report = await Self.run(target, scenarios: [TestScenarios.all[0]])
        #expect(report.exitCode == 1)
        let scenario = try #require(report.scenarios.first)
        #expect(!scenario.extraFields.isEmpty && scenario.extraFields.count <= 100, "\(scenario.extraFields.count) listed")
        #expect(scenario.notes.contains { $0.contains("more undeclared members not listed") }, "\(scenario.notes)")
    }

    @Test func endlessThrottlingEndsTheRunOnTheBudgetWithExit3() async throws {
        let target = try BrokenTarget(.endlessThrottling(value: "0"))
        defer { target.stop() }
        // (A scenario that expects a 429 gets one, with the wrong message: that is a deviation, not throttling.)
        let scenarios = TestScenarios.all.filter { !$0.steps.contains { $0.expect.expectsThrottling } }
        let report = await Self.run(target, scenarios: scenarios)
        #expect(report.exitCode == 3, "\(report.text())")
        #expect(report.count(.throttled) == scenarios.count, "\(report.text())")
        #expect(report.scenarios.contains { $0.skipReasons.contains { $0.hasPrefix("throttled out") } }, "\(report.text())")
        // Budget 3 s at >= 1 s a retry: a handful of throttled requests, not one per step per retry per scenario.
        let apiRequests = target.requestLines.filter { !$0.contains("/_emulator/") }
        #expect(apiRequests.count <= 12, "\(apiRequests.count) requests: \(apiRequests)")
    }

    @Test func aThrottledStepStopsItsScenario() async throws {
        let target = try BrokenTarget(.endlessThrottling(value: "1"))
        defer { target.stop() }
        let report = await Self.run(target, scenarios: [TestScenarios.all[0]])
        let scenario = try #require(report.scenarios.first)
        #expect(scenario.status == .throttled)
        #expect(scenario.stepsRun == 1, "later steps were run: \(scenario.notes)")
    }

    @Test func aCapturedIDWithCRLFIsPercentEncodedAndNothingIsSmuggled() async throws {
        let target = try BrokenTarget(.crlfInID)
        defer { target.stop() }
        let report = await Self.run(target, scenarios: [TestScenarios.all[0]])
        let lines = target.requestLines
        #expect(!lines.contains(BrokenTarget.smuggledLine), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("GET ") && $0.contains("abc%0D%0AGET%20%2Fsmuggled%20HTTP%2F1.1%0D%0A") }, "\(lines)")
        for line in report.text().split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(!line.contains("\r"), "raw CR in the report: \(line.prefix(200))")
        }
    }

    @Test(arguments: [BrokenTarget.Mode.resetConnections, .neverAnswers, .garbage])
    func aTargetThatNeverGivesAnHTTPAnswerEndsWithExit3(_ mode: BrokenTarget.Mode) async throws {
        let target = try BrokenTarget(mode)
        defer { target.stop() }
        let report = await Self.run(target)
        #expect(report.exitCode == 3, "\(mode): \(report.text())")
    }
}

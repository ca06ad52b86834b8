import Foundation
import LearningConformance
import LearningContract
import LearningHTTP
import Testing

/// `-H` and `--rate-limit` as the runner applies them, against the in-memory `MiniTarget`.
@Suite struct TransportOptionRunnerTests {
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var heads: [HTTPHeaders] = []
        private var pauses: [Duration] = []
        func add(_ headers: HTTPHeaders) { lock.lock(); heads.append(headers); lock.unlock() }
        func add(_ pause: Duration) { lock.lock(); pauses.append(pause); lock.unlock() }
        var allHeaders: [HTTPHeaders] { lock.lock(); defer { lock.unlock() }; return heads }
        var allPauses: [Duration] { lock.lock(); defer { lock.unlock() }; return pauses }
    }

    static let key = "subscription-key-0123456789"

    @Test func extraHeadersGoOnEveryRequestAndCredentialLookingOnesAreRedactedEverywhere() async {
        let target = MiniTarget(mutations: [.wrongNotFoundCode])
        let recorder = Recorder()
        // A leaky target that echoes the key back in its error message.
        let transport = InMemoryTransport { request throws(HTTPClientError) in
            recorder.add(request.headers)
            var response = target.handle(request)
            if response.status == 404 {
                response.body = Array(#"{"error":{"code":"x","message":"key \#(Self.key) not found"}}"#.utf8)
            }
            return response
        }
        var configuration = TestScenarios.configuration()
        configuration.extraHeaders = [("Ocp-Apim-Subscription-Key", Self.key), ("X-Tenant-Hint", "contoso")]
        let runner = ConformanceRunner(configuration: configuration, transport: transport, sleeper: { _ in }, tenantIDs: TestScenarios.fixedTenant)
        let report = await runner.run(scenarios: TestScenarios.all)
        let heads = recorder.allHeaders
        #expect(!heads.isEmpty && heads.allSatisfy { $0["Ocp-Apim-Subscription-Key"] == Self.key && $0["X-Tenant-Hint"] == "contoso" })
        #expect(report.exitCode == 1)
        let text = report.text() + report.jsonText() + report.junitXML()
        #expect(!text.contains(Self.key), "the key leaked")
        #expect(text.contains("Ocp-Apim-Subscription-Key: [REDACTED]"))
        #expect(text.contains("X-Tenant-Hint: contoso"))
    }

    @Test func aRateLimitSpacesTheRequests() async {
        let recorder = Recorder()
        var configuration = TestScenarios.configuration()
        configuration.requestsPerSecond = 2
        let target = MiniTarget()
        let transport = InMemoryTransport { request throws(HTTPClientError) in
            recorder.add(request.headers)
            return target.handle(request)
        }
        // The sleeper records instead of sleeping, so the reserved slots run ahead of the clock: the n-th request
        // is due (n - 1) × 0.5 s after the first, whatever the machine's speed.
        let runner = ConformanceRunner(configuration: configuration, transport: transport,
                                       sleeper: { recorder.add($0) }, tenantIDs: TestScenarios.fixedTenant)
        let started = ContinuousClock.now
        let report = await runner.run(scenarios: TestScenarios.all)
        let elapsed = ContinuousClock.now - started
        #expect(report.exitCode == 0, "\(report.text())")
        let requests = recorder.allHeaders.count - 1  // the probe is not paced
        let latest = recorder.allPauses.max() ?? .zero
        #expect(requests >= 10)
        #expect(latest + elapsed >= .milliseconds(500) * (requests - 1), "\(requests) requests, longest pause \(latest), run \(elapsed)")
    }
}

/// The step's deadline covers what happens after the socket: a response that arrives after it is not compared.
@Suite struct StepDeadlineTests {
    @Test func aResponseAfterTheStepDeadlineIsADeadlineDeviationNotAComparison() async {
        let target = MiniTarget()
        let slow = InMemoryTransport { request throws(HTTPClientError) in
            if !request.target.hasPrefix("/_emulator") { try? await Task.sleep(for: .milliseconds(50)) }
            return target.handle(request)
        }
        var configuration = TestScenarios.configuration()
        configuration.stepTimeout = .milliseconds(10)
        let runner = ConformanceRunner(configuration: configuration, transport: slow, sleeper: { _ in }, tenantIDs: TestScenarios.fixedTenant)
        let report = await runner.run(scenarios: [TestScenarios.all[1]])
        #expect(report.exitCode == 1, "\(report.text())")
        let kinds = report.scenarios.flatMap(\.deviations).map(\.kind)
        #expect(kinds == [.deadline], "\(report.text())")
    }
}

import Foundation
import LearningConformance
import LearningContract
import LearningEmulator
import LearningHTTP
import LearningTestSupport
import Testing
import LearningEmbeddedEmulator

/// The whole `Conformance/` suite against the reference emulator: zero deviations, in lenient and strict mode,
/// over loopback sockets (what `learning-contract conform` does) and in memory.
@Suite(.timeLimit(.minutes(2))) struct EmbeddedSuiteTests {
    static func suite() throws -> (scenarios: [Scenario], roles: RoleCatalog) {
        let directory = Repository.conformance
        return (try ScenarioLoader.load(directory: directory), try ScenarioLoader.loadRoles(directory: directory))
    }

    @Test(arguments: [false, true])
    func wholeSuitePassesOverSockets(strict: Bool) async throws {
        let (scenarios, roles) = try Self.suite()
        let embedded = try EmbeddedEmulator()
        defer { embedded.stop() }
        let configuration = ConformanceConfiguration(baseURL: embedded.baseURL, strict: strict, freshTenant: .emulator, roles: roles, rows: .contract)
        let report = await ConformanceRunner(configuration: configuration, transport: HTTPClientTransport()).run(scenarios: scenarios)
        #expect(report.exitCode == 0, "\(report.text())")
        #expect(report.count(.passed) == scenarios.count, "\(report.summaryLine)")
        #expect(report.deviationCount == 0)
        #expect(report.testTokens)
    }

    @Test func wholeSuitePassesInMemory() async throws {
        let (scenarios, roles) = try Self.suite()
        let emulator = Emulator()
        let configuration = ConformanceConfiguration(baseURL: URL(string: "http://emulator.test/v1.0")!, concurrency: 8,
                                                     freshTenant: .emulator, roles: roles, rows: .contract)
        let tenants = TenantLog()
        let runner = ConformanceRunner(configuration: configuration, transport: EmbeddedEmulator.inMemoryTransport(emulator),
                                       tenantIDs: { tenants.next() })
        let report = await runner.run(scenarios: scenarios)
        #expect(report.exitCode == 0, "\(report.text())")
        #expect(report.variantCount == 0)
        // Each scenario ran in its own tenant and deleted it afterwards.
        #expect(tenants.all.count == scenarios.count)
        #expect(Set(tenants.all).count == scenarios.count)
        #expect(tenants.all.allSatisfy { emulator.state(ofTenant: $0) == nil })
    }

    final class TenantLog: @unchecked Sendable {
        private let lock = NSLock()
        private var ids: [String] = []
        func next() -> String {
            let id = UUID().uuidString.lowercased()
            lock.lock(); ids.append(id); lock.unlock()
            return id
        }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return ids }
    }

    @Test func theDocsTenantIsUntouched() async throws {
        let (scenarios, roles) = try Self.suite()
        let emulator = Emulator()
        let before = emulator.state(ofTenant: TestToken.defaultTenantID)
        let configuration = ConformanceConfiguration(baseURL: URL(string: "http://emulator.test/v1.0")!, freshTenant: .emulator, roles: roles, rows: .contract)
        _ = await ConformanceRunner(configuration: configuration, transport: EmbeddedEmulator.inMemoryTransport(emulator))
            .run(scenarios: ScenarioLoader.filter(scenarios, by: "lifecycle"))
        #expect(emulator.state(ofTenant: TestToken.defaultTenantID) == before)
    }
}

/// A target that reads every documented contradiction strictly (the emulator with a strict contract, as
/// `serve --strict`) is not wrong, only different where the docs disagree: the runner reports those answers as
/// documented variants, and skips, naming the reading, the scenarios that send what only the lenient reading accepts
/// (`reading:lenient:AMBIGUITY`, which the target's `/_emulator/info` `readings` refuse). Nothing fails.
@Suite struct StrictReadingTargetTests {
    /// The documented examples only the lenient reading accepts (the docs' own bodies).
    static let lenientExamples: Set<String> = ["create-self-initiated-example-2", "update-example-1", "update-example-2"]

    @Test func theStrictEmulatorPassesTheSuiteAndSkipsTheLenientReadingsByName() async throws {
        let (scenarios, roles) = try EmbeddedSuiteTests.suite()
        let emulator = Emulator(configuration: EmulatorConfiguration(contract: ContractConfiguration(strictness: .strict)))
        let configuration = ConformanceConfiguration(baseURL: URL(string: "http://emulator.test/v1.0")!, concurrency: 8,
                                                     freshTenant: .emulator, roles: roles, rows: .contract)
        let report = await ConformanceRunner(configuration: configuration, transport: EmbeddedEmulator.inMemoryTransport(emulator))
            .run(scenarios: scenarios)
        #expect(report.variantCount > 20)
        #expect(report.count(.failed) == 0, "\(report.text())")
        let skipped = report.scenarios.filter { $0.status == .skipped }
        #expect(Set(skipped.map(\.id)) == Self.lenientExamples)
        #expect(skipped.allSatisfy { $0.skipReasons.contains { $0.contains("reads ambiguity") && $0.contains("strictly") } },
                "\(skipped.map(\.skipReasons))")
        #expect(report.count(.passed) == scenarios.count - Self.lenientExamples.count)
        // The runner's own --strict still fails the documented variants.
        var strictRun = configuration
        strictRun.strict = true
        let strictReport = await ConformanceRunner(configuration: strictRun, transport: EmbeddedEmulator.inMemoryTransport(emulator))
            .run(scenarios: scenarios)
        #expect(strictReport.count(.failed) > 0)
    }

    /// One contradiction read strictly skips only the scenarios that need its lenient reading.
    @Test func oneStrictReadingSkipsOnlyItsScenarios() async throws {
        let (scenarios, roles) = try EmbeddedSuiteTests.suite()
        let contract = ContractConfiguration(ambiguities: [Ambiguity.ID.learningProviderIdRequired.rawValue: .strict])
        let emulator = Emulator(configuration: EmulatorConfiguration(contract: contract))
        let configuration = ConformanceConfiguration(baseURL: URL(string: "http://emulator.test/v1.0")!, concurrency: 8, freshTenant: .emulator,
                                                     roles: roles, rows: .contract)
        let report = await ConformanceRunner(configuration: configuration, transport: EmbeddedEmulator.inMemoryTransport(emulator))
            .run(scenarios: ScenarioLoader.filter(scenarios, by: "example"))
        #expect(report.count(.failed) == 0, "\(report.text())")
        #expect(report.scenarios.filter { $0.status == .skipped }.map(\.id) == ["create-self-initiated-example-2"])
    }
}

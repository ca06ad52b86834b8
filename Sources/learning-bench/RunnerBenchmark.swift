import Foundation
import LearningConformance
import LearningEmbeddedEmulator
import LearningEmulator
import LearningHTTP

/// `learning-bench runner [--rounds N] [--concurrency N] [--in-memory] [--fixtures DIR]`: replays the whole
/// conformance suite against the embedded emulator, round after round, and prints scenarios/s and requests/s.
/// Retry-After waits are skipped (a no-op sleeper), so the figure is the runner and the emulator, not sleeping.
enum RunnerBenchmark {
    static func run(_ arguments: [String]) -> Int32 {
        var rounds = 20, concurrency = 4, inMemory = false
        var fixtures = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Conformance")
        var index = 0
        while index < arguments.count {
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            switch (arguments[index], next) {
            case ("--rounds", let n?) where Int(n).map({ $0 > 0 }) == true: rounds = Int(n)!; index += 1
            case ("--concurrency", let n?) where Int(n).map({ $0 > 0 }) == true: concurrency = Int(n)!; index += 1
            case ("--fixtures", let path?): fixtures = URL(fileURLWithPath: path); index += 1
            case ("--in-memory", _): inMemory = true
            default:
                FileHandle.standardError.write(Data("usage: learning-bench runner [--rounds N] [--concurrency N] [--in-memory] [--fixtures DIR]\n".utf8))
                return 2
            }
            index += 1
        }
        let scenarios: [Scenario], roles: RoleCatalog
        let embedded: EmbeddedEmulator
        do {
            scenarios = try ScenarioLoader.load(directory: fixtures)
            roles = try ScenarioLoader.loadRoles(directory: fixtures)
            embedded = try EmbeddedEmulator()
        } catch {
            FileHandle.standardError.write(Data("learning-bench runner: \(error)\n".utf8))
            return 2
        }
        defer { embedded.stop() }
        let transport: any HTTPTransport = inMemory
            ? EmbeddedEmulator.inMemoryTransport(embedded.emulator)
            : HTTPClientTransport(client: HTTPClient(configuration: HTTPClientConfiguration(timeout: .seconds(10))))
        let configuration = ConformanceConfiguration(
            baseURL: embedded.baseURL, concurrency: concurrency, freshTenant: .emulator, roles: roles, rows: .contract)
        let runner = ConformanceRunner(configuration: configuration, transport: transport, sleeper: { _ in })

        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            let clock = ContinuousClock()
            var steps = 0, failed = 0
            let started = clock.now
            for _ in 0..<rounds {
                let report = await runner.run(scenarios: scenarios)
                steps += report.scenarios.reduce(0) { $0 + $1.stepsRun }
                failed += report.count(.failed) + report.count(.unreachable)
            }
            outcome.set(elapsed: clock.now - started, steps: steps, failed: failed)
            done.signal()
        }
        done.wait()
        let (elapsed, steps, failed) = outcome.get()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let total = scenarios.count * rounds
        print("runner: \(rounds) rounds × \(scenarios.count) scenarios, concurrency \(concurrency), \(inMemory ? "in memory" : "loopback sockets")")
        print(String(format: "  %.2f s: %.0f scenarios/s, %.0f steps (requests)/s; %d failed", seconds, Double(total) / seconds, Double(steps) / seconds, failed))
        return failed == 0 ? 0 : 1
    }

    /// The benchmark task's result, handed back to the synchronous entry point.
    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var value: (Duration, Int, Int) = (.zero, 0, 0)
        func set(elapsed: Duration, steps: Int, failed: Int) { lock.lock(); value = (elapsed, steps, failed); lock.unlock() }
        func get() -> (Duration, Int, Int) { lock.lock(); defer { lock.unlock() }; return value }
    }
}

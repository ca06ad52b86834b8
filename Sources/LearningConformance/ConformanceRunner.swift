import Foundation
import LearningContract
import LearningHTTP

/// Replays scenarios against a target and reports every deviation. Each scenario runs in its own fresh
/// tenant (state put to `{stateURL}/tenants/{tid}/state`, deleted afterwards), so scenarios run concurrently.
public struct ConformanceRunner: Sendable {
    public typealias Sleeper = @Sendable (Duration) async -> Void
    public typealias Progress = @Sendable (_ finished: ScenarioResult, _ done: Int, _ total: Int) -> Void

    public let configuration: ConformanceConfiguration
    public let transport: any HTTPTransport
    let sleeper: Sleeper
    let tenantIDs: @Sendable () -> String

    public init(
        configuration: ConformanceConfiguration, transport: any HTTPTransport,
        sleeper: @escaping Sleeper = { try? await Task.sleep(for: $0) },
        tenantIDs: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }
    ) {
        self.configuration = configuration
        self.transport = transport
        self.sleeper = sleeper
        self.tenantIDs = tenantIDs
    }

    /// What the runner learnt about the target before the first scenario.
    struct TargetInfo: Sendable {
        var mintTokens: Bool
    }

    public func run(scenarios: [Scenario], progress: Progress? = nil) async -> ConformanceReport {
        let target = configuration.baseURL.absoluteString
        let info: TargetInfo
        switch await probe() {
        case .success(let probed): info = probed
        case .failure(let reason):
            return ConformanceReport(target: target, strict: configuration.strict, testTokens: false,
                                     scenarios: [], unreachable: reason.message)
        }
        let total = scenarios.count
        let counter = Counter()
        let budget = RunBudget(throttleBudget: configuration.throttleBudget, requestsPerSecond: configuration.requestsPerSecond)
        var results = [ScenarioResult?](repeating: nil, count: total)
        await withTaskGroup(of: (Int, ScenarioResult).self) { group in
            var next = 0
            func addNext() {
                guard next < total else { return }
                let index = next
                let scenario = scenarios[index]
                next += 1
                group.addTask { (index, await runScenario(scenario, info: info, budget: budget)) }
            }
            for _ in 0..<min(configuration.concurrency, total) { addNext() }
            while let (index, result) = await group.next() {
                results[index] = result
                progress?(result, counter.increment(), total)
                addNext()
            }
        }
        return ConformanceReport(target: target, strict: configuration.strict, testTokens: info.mintTokens,
                                 scenarios: results.compactMap { $0 })
    }

    struct Unreachable: Error { var message: String }

    /// `GET {origin}/_emulator/info`: a target answering `testTokens: true` gets minted tokens. A refused
    /// connection or a timeout here means the target is unreachable (exit 3).
    func probe() async -> Result<TargetInfo, Unreachable> {
        let origin = configuration.origin
        var request = HTTPRequest(method: "GET", target: "/_emulator/info", headers: ["Accept": "application/json"])
        for header in configuration.extraHeaders { request.headers.append(name: header.name, value: header.value) }
        do {
            let response = try await transport.send(request, to: origin, timeout: min(configuration.requestTimeout, configuration.stepTimeout))
            var tokens = false
            if response.status == 200, let document = try? JSONReader().read(response.body) {
                tokens = document.root["testTokens"]?.boolValue == true
            }
            return .success(TargetInfo(mintTokens: configuration.mintTestTokens ?? tokens))
        } catch {
            switch error {
            case .connectionRefused(let detail): return .failure(Unreachable(message: "connection refused (\(detail))"))
            case .timedOut: return .failure(Unreachable(message: "timed out after \(configuration.requestTimeout)"))
            case .invalidURL(let detail): return .failure(Unreachable(message: "invalid URL \(detail)"))
            case .notTLS(let detail): return .failure(Unreachable(message: detail))
            default: return .success(TargetInfo(mintTokens: configuration.mintTestTokens ?? false))
            }
        }
    }
}

/// A thread-safe counter for progress reports.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

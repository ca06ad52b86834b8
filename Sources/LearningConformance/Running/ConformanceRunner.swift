import Foundation
import LearningContract
import LearningHTTP

/// Replays scenarios against a target and reports every deviation. On a target that takes test tokens each
/// scenario runs in its own fresh tenant (state PUT to `{origin}/_emulator/tenants/{tid}/state`, deleted
/// afterwards); with static credentials scenarios share the credentials' tenant, create what they read and
/// delete it afterwards, and those needing provider states run one at a time (`ConformanceRunner+State`).
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
        /// `GET {origin}/_emulator/info` answered: the target is this package's emulator (admin endpoint reachable).
        var isEmulator = false
        /// Documented contradictions the target reads strictly, each with who said so: the emulator
        /// (`/_emulator/info`, `readings`) or the target profile (`readings`), which overrides it. Empty for a
        /// target nobody describes.
        var strictReadings: [Ambiguity.ID: String] = [:]

        /// The probe's readings with the profile's declarations on top.
        func declaring(_ profile: TargetProfile) -> TargetInfo {
            var info = self
            for ambiguity in Ambiguity.documented.map(\.id) {
                switch profile.reading(of: ambiguity) {
                case .strict?: info.strictReadings[ambiguity] = "the target profile's \"readings\""
                case .lenient?: info.strictReadings[ambiguity] = nil
                case nil: break
                }
            }
            return info
        }
    }

    public func run(scenarios: [Scenario], progress: Progress? = nil) async -> ConformanceReport {
        let target = configuration.baseURL.absoluteString
        let info: TargetInfo
        switch await probe() {
        case .success(let probed): info = probed.declaring(configuration.profile)
        case .failure(let reason):
            return ConformanceReport(target: target, strict: configuration.strict, testTokens: false,
                                     scenarios: [], unreachable: reason.message)
        }
        let total = scenarios.count
        let counter = Counter()
        let budget = RunBudget(throttleBudget: configuration.throttleBudget, requestsPerSecond: configuration.requestsPerSecond)
        var results = [ScenarioResult?](repeating: nil, count: total)
        // On a shared tenant, provider states (faults, the docs world) would reach the scenarios running beside
        // them: those scenarios run one at a time, after the others.
        let exclusive: [Bool] = scenarios.map { scenario in
            if case .shared = tenancy(info) { return !scenario.states.isEmpty }
            return false
        }
        for (pass, width) in [(false, configuration.concurrency), (true, 1)] {
            let indices = scenarios.indices.filter { exclusive[$0] == pass }
            await withTaskGroup(of: (Int, ScenarioResult).self) { group in
                var next = 0
                func addNext() {
                    guard next < indices.count else { return }
                    let index = indices[next]
                    let scenario = scenarios[index]
                    next += 1
                    group.addTask { (index, await runScenario(scenario, info: info, budget: budget)) }
                }
                for _ in 0..<min(width, indices.count) { addNext() }
                while let (index, result) = await group.next() {
                    results[index] = result
                    progress?(result, counter.increment(), total)
                    addNext()
                }
            }
        }
        return ConformanceReport(target: target, strict: configuration.strict, testTokens: info.mintTokens,
                                 scenarios: results.compactMap { $0 })
    }

    struct Unreachable: Error { var message: String }

    /// `GET {origin}/_emulator/info`: a target answering `testTokens: true` gets minted tokens. A refused
    /// connection, a timeout, a reset or an answer that is not HTTP here means the target is unreachable (exit 3):
    /// any HTTP server, Graph included, answers this path with some status (404 where it isn't an emulator).
    func probe() async -> Result<TargetInfo, Unreachable> {
        let origin = configuration.origin
        var request = HTTPRequest(method: "GET", target: "/_emulator/info", headers: ["Accept": "application/json"])
        for header in configuration.extraHeaders { request.headers.append(name: header.name, value: header.value) }
        do {
            let response = try await transport.send(request, to: origin, timeout: min(configuration.requestTimeout, configuration.stepTimeout))
            var tokens = false
            var isEmulator = false
            var strictReadings: [Ambiguity.ID: String] = [:]
            if response.status == 200, let document = try? JSONReader().read(response.body) {
                tokens = document.root["testTokens"]?.boolValue == true
                isEmulator = document.root["emulator"]?.stringValue != nil
                if case .object(let readings)? = document.root["readings"] {
                    for member in readings where member.value.stringValue == "strict" {
                        strictReadings[Ambiguity.ID(rawValue: member.key)] = "GET /_emulator/info, \"readings\""
                    }
                }
            }
            return .success(TargetInfo(mintTokens: configuration.mintTestTokens ?? tokens, isEmulator: isEmulator,
                                       strictReadings: strictReadings))
        } catch {
            switch error {
            case .connectionRefused(let detail): return .failure(Unreachable(message: "connection refused (\(detail))"))
            case .timedOut: return .failure(Unreachable(message: "timed out after \(configuration.requestTimeout)"))
            case .invalidURL(let detail): return .failure(Unreachable(message: "invalid URL \(detail)"))
            case .notTLS(let detail): return .failure(Unreachable(message: detail))
            case .connectionReset: return .failure(Unreachable(message: "the connection was reset before any answer"))
            case .malformedResponse(let detail): return .failure(Unreachable(message: "the answer is not HTTP (\(PeerText.bounded(detail, limit: 200)))"))
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

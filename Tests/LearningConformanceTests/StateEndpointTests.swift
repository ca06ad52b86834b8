import Foundation
import Glibc
import LearningConformance
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing
import LearningEmbeddedEmulator

/// A Pact-style state endpoint that refuses, hangs or answers garbage skips the scenario with that answer:
/// never a false pass, never a false failure.
@Suite struct StateEndpointTests {
    enum Behaviour: String, CaseIterable, Sendable {
        case refuses500, answersHTML, answersJSONArray, malformedHTTP, timesOut
    }

    static let stateURL = URL(string: "http://target.test/_pact/provider-states")!

    /// The emulator's API as a third-party target (no `/_emulator`), with a state endpoint that misbehaves.
    static func transport(_ emulator: Emulator, _ behaviour: Behaviour?) -> InMemoryTransport {
        InMemoryTransport { request throws(HTTPClientError) in
            if request.path.hasPrefix("/_pact") {
                switch behaviour {
                case .refuses500?:
                    return HTTPResponse(status: 500, headers: ["Content-Type": "application/json"],
                                        body: Array(#"{"error": {"code": "boom", "message": "no such state handler"}}"#.utf8))
                case .answersHTML?:
                    return HTTPResponse(status: 200, headers: ["Content-Type": "text/html"], body: Array("<html>ok</html>".utf8))
                case .answersJSONArray?:
                    return HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: Array("[1, 2]".utf8))
                case .malformedHTTP?: throw .malformedResponse("status line 'garbage'")
                case .timesOut?: throw .timedOut
                case nil:
                    var forwarded = request
                    forwarded.target = "/_emulator/provider-states"
                    forwarded.headers["Host"] = "127.0.0.1"
                    return emulator.handle(forwarded)
                }
            }
            guard request.path.hasPrefix("/v1.0/") else { return HTTPResponse(status: 404) }
            return emulator.handle(request)
        }
    }

    static func configuration(stateURL: URL? = Self.stateURL) throws -> (ConformanceConfiguration, [Scenario]) {
        let (scenarios, roles) = try EmbeddedSuiteTests.suite()
        let configuration = ConformanceConfiguration(
            baseURL: URL(string: "http://target.test/v1.0")!, stateURL: stateURL, requestTimeout: .seconds(2),
            credentials: ConformanceConfiguration.credentials(from: ForwardingProxy.environment(roles: roles), roles: roles),
            profile: .emulator, roles: roles, rows: .contract)
        return (configuration, scenarios.filter { $0.id == "service-unavailable" })
    }

    @Test func aWorkingStateEndpointRunsTheScenario() async throws {
        let (configuration, scenarios) = try Self.configuration()
        let report = await ConformanceRunner(configuration: configuration, transport: Self.transport(Emulator(), nil),
                                             sleeper: { _ in }).run(scenarios: scenarios)
        #expect(report.count(.passed) == 1, "\(report.text())")
    }

    @Test(arguments: Behaviour.allCases)
    func aMisbehavingStateEndpointSkipsWithItsAnswer(_ behaviour: Behaviour) async throws {
        let (configuration, scenarios) = try Self.configuration()
        let emulator = Emulator()
        let report = await ConformanceRunner(configuration: configuration, transport: Self.transport(emulator, behaviour),
                                             sleeper: { _ in }).run(scenarios: scenarios)
        let result = try #require(report.scenarios.first)
        #expect(result.status == .skipped, "\(report.text())")
        #expect(result.deviations.isEmpty)
        #expect(result.stepsRun == 0)
        let reason = result.skipReasons.first ?? ""
        #expect(reason.hasPrefix("state could not be set: POST http://target.test/_pact/provider-states"), "\(reason)")
        let expected = switch behaviour {
        case .refuses500: "answered 500: no such state handler"
        case .answersHTML: "not a JSON object"
        case .answersJSONArray: "not a JSON object"
        case .malformedHTTP: "malformed response"
        case .timesOut: "timed out"
        }
        #expect(reason.contains(expected), "\(reason)")
        #expect(report.exitCode == 3, "nothing was checked")
        // A state that was never set up is not torn down, and the target is left without faults.
        #expect(emulator.state(ofTenant: TestToken.defaultTenantID)?.faults.isEmpty ?? true)
    }

    @Test func withoutAStateURLTheSkipNamesOperatorStateAndTheFlag() async throws {
        let (configuration, scenarios) = try Self.configuration(stateURL: nil)
        let report = await ConformanceRunner(configuration: configuration, transport: Self.transport(Emulator(), nil))
            .run(scenarios: scenarios)
        let reason = report.scenarios.first?.skipReasons.first ?? ""
        #expect(reason.hasPrefix("needs operatorState"), "\(reason)")
        #expect(reason.contains("--state-url"))
    }

    /// A state endpoint that accepts the connection and never answers: the request times out, the scenario is
    /// skipped, and the run ends.
    @Test func aHangingStateEndpointOverSocketsTimesOut() async throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) } }
        #expect(bound == 0)
        #expect(listen(listener, 8) == 0)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) } }
        let port = Int(UInt16(bigEndian: address.sin_port))

        let proxy = try ForwardingProxy()
        defer { proxy.stop() }
        var (configuration, scenarios) = try Self.configuration(stateURL: URL(string: "http://127.0.0.1:\(port)/state"))
        configuration.baseURL = proxy.baseURL
        configuration.requestTimeout = .milliseconds(500)
        let client = HTTPClient(configuration: HTTPClientConfiguration(timeout: .milliseconds(500)))
        let report = await ConformanceRunner(configuration: configuration, transport: HTTPClientTransport(client: client))
            .run(scenarios: scenarios)
        let reason = report.scenarios.first?.skipReasons.first ?? ""
        #expect(report.scenarios.first?.status == .skipped)
        #expect(reason.contains("http://127.0.0.1:\(port)/state") && reason.contains("timed out"), "\(reason)")
    }
}

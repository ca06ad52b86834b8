import Foundation
import LearningContract

/// Everything `learning-contract serve` can be told: where to listen, what world to start with, which contract
/// configuration to enforce and which faults to inject.
public struct EmulatorConfiguration: Sendable {
    public enum Seed: String, Sendable, Codable, CaseIterable {
        /// The documentation's own world (Conformance/STATE.md, "The docs world") in the default tenant.
        case docs
        /// No tenants, nothing stored (`--empty`).
        case empty
    }

    public var host: String
    /// 0 = any free port (the server reports the real one).
    public var port: Int
    public var seed: Seed
    public var contract: ContractConfiguration
    /// Global fault rules (`--fault`, `--faults FILE`); tenants can add their own through the state document.
    public var faults: [FaultRule]
    /// Server-driven page size of lists (assumed: the docs give none).
    public var pageSize: Int
    /// Base of `@odata.context` and `@odata.nextLink` URLs, e.g. `https://graph.microsoft.com`; `nil` = from the
    /// request's `Host` header (`http://HOST`).
    public var publicBaseURL: String?
    /// State documents applied at start (and at every reset), by tenant id compared by bytes (`--state FILE`).
    public var initialStates: [ExactKey: EmulatorState]
    /// Who may use `/_emulator` (default: loopback `Host` only, no secret).
    public var admin: AdminAccess = .loopbackOnly
    /// Seed of the ids the emulator mints (created entities, `request-id`), `--id-seed`: the same requests in the same
    /// order get the same ids, so a fuzzer's run can be repeated. `nil`: seeded from the system generator.
    public var idSeed: UInt64?

    public init(host: String = "127.0.0.1", port: Int = 0, seed: Seed = .docs, contract: ContractConfiguration = .default,
                faults: [FaultRule] = [], pageSize: Int = 100, publicBaseURL: String? = nil,
                initialStates: [ExactKey: EmulatorState] = [:]) {
        self.host = host
        self.port = port
        self.seed = seed
        self.contract = contract
        self.faults = faults
        self.pageSize = pageSize
        self.publicBaseURL = publicBaseURL
        self.initialStates = initialStates
    }

    /// Refuses what cannot be served: fault rules out of range, a page size below 1, a port outside 0...65535.
    public func check() throws(EmulatorConfigurationError) {
        for rule in faults {
            if let problem = rule.problem { throw .invalidFault(rule.operation, problem) }
        }
        if pageSize < 1 { throw .invalidValue("pageSize must be at least 1") }
        if !(0...65535).contains(port) { throw .invalidValue("port must be in 0...65535") }
    }

    /// Reads a `--faults FILE`: a JSON array of fault rules, or an object `{"faults": [...]}`.
    public static func faults(fromFile path: String) throws(EmulatorConfigurationError) -> [FaultRule] {
        let root = try readJSON(path)
        let list = root["faults"] ?? root
        guard case .array(let items) = list else { throw .invalidFile(path, "expected an array of fault rules or {\"faults\": [...]}") }
        var rules: [FaultRule] = []
        for item in items {
            do { rules.append(try FaultRule.decode(item)) } catch { throw .invalidFile(path, error.description) }
        }
        return rules
    }

    /// Reads a `--state FILE`: a state document for the default tenant, or `{"tenants": {"<tid>": state, …}}`.
    public static func states(fromFile path: String) throws(EmulatorConfigurationError) -> [ExactKey: EmulatorState] {
        let root = try readJSON(path)
        do {
            if case .object(let tenants)? = root["tenants"] {
                var result: [ExactKey: EmulatorState] = [:]
                for member in tenants.members { result[ExactKey(member.key)] = try EmulatorState(json: member.value) }
                return result
            }
            return [ExactKey(TestToken.defaultTenantID): try EmulatorState(json: root)]
        } catch {
            throw .invalidFile(path, error.description)
        }
    }

    private static func readJSON(_ path: String) throws(EmulatorConfigurationError) -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else { throw .invalidFile(path, "cannot read the file") }
        do { return try JSONReader().read(data).root } catch { throw .invalidFile(path, error.description) }
    }
}

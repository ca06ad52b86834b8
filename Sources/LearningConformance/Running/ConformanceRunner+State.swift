import Foundation
import LearningContract
import LearningHTTP

extension ConformanceRunner {
    /// Where a scenario's state lives.
    enum Tenancy: Sendable {
        /// A fresh emulator tenant per scenario (test tokens carry its id): whole state documents can be PUT.
        case fresh
        /// The static credentials' tenant, shared by every scenario of the run (and by other users).
        case shared(tenantID: String?)
    }

    /// Fresh tenants when the runner mints tokens; otherwise the tenant of the profile or of the JWT credentials.
    func tenancy(_ info: TargetInfo) -> Tenancy {
        info.mintTokens ? .fresh
            : .shared(tenantID: configuration.profile[.tenantId] ?? CredentialTenant.tenantID(of: configuration.credentials))
    }

    /// The Pact-style state-change URL: `--state-url`, or the emulator's own when the target is the emulator.
    func stateChangeURL(_ info: TargetInfo) -> URL? {
        configuration.stateURL ?? (info.isEmulator ? configuration.adminURL.appendingPathComponent(ProviderStateCatalog.segment) : nil)
    }

    /// The profile scenarios see: in a fresh tenant, the one its world makes true (`configuration.freshTenant`),
    /// the user's otherwise.
    func profile(for tenancy: Tenancy) -> TargetProfile {
        if case .fresh = tenancy, let world = configuration.freshTenant { return world.profile }
        return configuration.profile
    }

    /// Why the target cannot run this scenario, one reason per lacking requirement (empty: it can).
    func lackingRequirements(_ scenario: Scenario, tenancy: Tenancy, info: TargetInfo) -> [String] {
        var reasons: [String] = []
        let profile = profile(for: tenancy)
        for requirement in scenario.requirements {
            switch requirement {
            case .api, .setup: continue
            case .lenientReading(let ambiguity):
                if let declaredBy = info.strictReadings[ambiguity] {
                    reasons.append("needs \(requirement): the target reads ambiguity \(ambiguity) strictly (\(declaredBy)), "
                        + "and a step sends what only the lenient reading accepts (`learning-contract ambiguities`)")
                }
            case .profile(let key):
                if profile[key] == nil {
                    reasons.append("needs \(requirement): \(key.summary) Add \"\(key.rawValue)\" to the target profile (--target FILE).")
                }
            case .operatorState:
                if case .fresh = tenancy { continue }
                if scenario.given != nil {
                    reasons.append("needs \(requirement): a whole state document ('given'), which only a fresh tenant of the "
                        + "emulator's admin endpoint takes (a target that accepts test tokens)")
                } else if stateChangeURL(info) == nil {
                    let names = scenario.states.map { "'\($0.name)'" }.joined(separator: ", ")
                    reasons.append("needs \(requirement): provider state \(names); pass --state-url URL, a Pact-style "
                        + "state-change endpoint of the target (Conformance/README.md, \"Provider states\")")
                }
            }
        }
        return reasons
    }

    /// PUTs a whole state document into a fresh emulator tenant; `nil` on success, else the skip reason.
    func putState(_ document: JSONValue, tenantID: String, run: ScenarioRun) async -> String? {
        let url = configuration.adminURL
        let put = HTTPRequest(method: "PUT", target: url.path + "/tenants/" + tenantID + "/state",
                              headers: ["Content-Type": "application/json"], body: Self.removingComments(document).utf8Bytes)
        do {
            let response = try await send(put, to: url, until: run.deadline, run: run)
            guard (200..<300).contains(response.status) else {
                return "state could not be set: PUT \(put.target) answered \(response.status)" + Self.errorMessageSuffix(response.body)
            }
            return nil
        } catch {
            return "state could not be set: PUT \(put.target) failed (\(Self.describe(error)))"
        }
    }

    /// One Pact-style state change: `POST {"state", "params", "action"}`. Setup failures skip the scenario (never
    /// a false pass, never a false failure); the values a 2xx JSON answer returns become `{{state.NAME}}`.
    func changeState(
        _ state: ProviderStateReference, action: String, url: URL, tenantID: String?, run: inout ScenarioRun
    ) async -> String? {
        var missing: [String] = []
        var params = Substitution.apply(.object(state.params), run.variables, missing: &missing).objectValue ?? [:]
        if !missing.isEmpty {
            return "state '\(state.name)' could not be set: its params need " + missing.map { "{{\($0)}}" }.joined(separator: ", ")
        }
        if let tenantID, params["tenantId"] == nil { params["tenantId"] = .string(tenantID) }
        let body: JSONValue = ["state": .string(state.name), "params": .object(params), "action": .string(action)]
        let target = url.path.isEmpty ? "/" : url.path + (url.query.map { "?" + $0 } ?? "")
        let request = HTTPRequest(method: "POST", target: target,
                                  headers: ["Content-Type": "application/json", "Accept": "application/json"], body: body.utf8Bytes)
        let label = "state could not be set: POST \(url.absoluteString) {\"state\": \"\(state.name)\", \"action\": \"\(action)\"}"
        let response: HTTPResponse
        do {
            response = try await send(request, to: url, until: run.deadline, run: run)
        } catch {
            return "\(label) failed (\(Self.describe(error)))"
        }
        guard (200..<300).contains(response.status) else {
            return "\(label) answered \(response.status)" + Self.errorMessageSuffix(response.body)
        }
        let text = response.body.prefix(64 * 1024)
        if text.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return nil }
        guard response.body.count <= 64 * 1024, case .object(let values)? = try? JSONReader().read(text).root else {
            let preview = String(decoding: text.prefix(80), as: UTF8.self)
            return "\(label) answered \(response.status) with a body that is not a JSON object: \(ResponseComparator.render(.string(preview)))"
        }
        for member in values { run.variables["state." + member.key] = member.value }
        return nil
    }

    /// `: message` of a Graph-style error body, bounded.
    static func errorMessageSuffix(_ body: [UInt8]) -> String {
        guard let root = try? JSONReader().read(body.prefix(64 * 1024)).root,
              let message = root[pointer: "/error/message"]?.stringValue else { return "" }
        return ": " + String(message.prefix(300))
    }
}

import Foundation
import LearningContract

extension ConformanceRunner {
    /// For a failed scenario: how to recreate the state its steps ran in, and how to get each role's token, never
    /// the token itself. Goes into the scenario's notes, beside the `reproduce:` curl line of each deviation.
    func reproductionNotes(_ scenario: Scenario, tenantID: String?, info: TargetInfo) -> [String] {
        var notes: [String] = []
        if !scenario.states.isEmpty, let url = stateChangeURL(info) {
            for state in scenario.states {
                var params = state.params
                if let tenantID, params["tenantId"] == nil { params["tenantId"] = .string(tenantID) }
                let body: JSONValue = ["state": .string(state.name), "params": .object(params), "action": "setup"]
                notes.append("to recreate the state: curl -sS -X POST \(CurlCommand.quote(url.absoluteString)) "
                             + "-H 'Content-Type: application/json' --data \(CurlCommand.quote(body.serialized()))")
            }
        } else if case .fresh = tenancy(info), let tenantID {
            let url = configuration.adminURL.absoluteString + "/tenants/" + tenantID + "/state"
            let source = scenario.given == nil ? "the runner's base world (Conformance/STATE.md)" : "the scenario's \"given\" in \(scenario.file)"
            notes.append("to recreate the state: PUT \(source) to \(url) (Content-Type: application/json)")
        } else {
            notes.append("to recreate the state: nothing to set; the scenario creates what it reads")
        }
        var seen = Set<String>()
        for step in scenario.steps where seen.insert(step.role).inserted {
            guard let role = configuration.roles[step.role] else { continue }
            notes.append("token for role '\(role.name)': " + Self.tokenHint(for: role, tenantID: tenantID, minted: info.mintTokens))
        }
        return notes
    }

    /// How to get `role`'s token: a `learning-contract token` command where the target takes test tokens, else the
    /// environment variable the runner reads and what the token must carry.
    public static func tokenHint(for role: RoleDefinition, tenantID: String? = nil, minted: Bool) -> String {
        let permissions = role.permissions.joined(separator: ",")
        switch role.kind {
        case .none: return "none (the request carries no Authorization header)"
        case .literal: return "the literal Authorization value of roles.json"
        case .application, .delegated:
            let application = role.kind == .application
            guard minted else {
                let what = application ? "an application token with the roles" : "a delegated token with the scopes"
                return "$\(role.environmentVariable): \(what) \(permissions.isEmpty ? "(none)" : permissions)"
            }
            var command = "learning-contract token " + (application ? "--app" : "--delegated")
            if let tenantID { command += " --tenant " + CurlCommand.quote(tenantID) }
            if !application, let user = role.objectID { command += " --user " + CurlCommand.quote(user) }
            if !permissions.isEmpty { command += (application ? " --roles " : " --scopes ") + CurlCommand.quote(permissions) }
            return "`\(command)` (a test token the emulator accepts)"
        }
    }
}

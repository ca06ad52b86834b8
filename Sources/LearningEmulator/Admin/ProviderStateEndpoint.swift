import LearningContract
import LearningHTTP

/// Pact-style provider states (the verifier's `--state-change-url` callback): `POST /_emulator/provider-states`
/// with `{"state": NAME, "params": {...}, "action": "setup" | "teardown"}` (`action` absent means setup).
/// The emulator is the reference implementation of the states `Conformance/README.md` lists; any other target's
/// operator can implement the same names. A state applies to the tenant `params.tenantId`, or to the default
/// tenant (`TestToken.defaultTenantID`) when absent. Answers 200 with a JSON object of values the state made
/// (Pact's provider-state injected values), 400 for an unknown state or bad params (never a silent success).
public enum ProviderStateEndpoint {
    /// The path segment under `/_emulator`.
    public static let segment = ProviderStateCatalog.segment

    /// Every state this endpoint sets up, with its params: the catalog fixtures may name.
    public static let catalog = ProviderStateCatalog.catalog

    public static let docsWorld = ProviderStateCatalog.docsWorld
    public static let faultsInjected = ProviderStateCatalog.faultsInjected
    public static let unlicensedLearnerActivity = ProviderStateCatalog.unlicensedLearnerActivity

    public static var names: [String] { ProviderStateCatalog.names }
}

extension Emulator {
    func providerState(_ request: HTTPRequest, _ context: RequestContext) -> HTTPResponse {
        guard request.method == "POST" else { return adminError(405, "use POST", context) }
        guard let root = try? reader.read(request.body).root, case .object(let body) = root else {
            return adminError(400, "the body must be a JSON object {\"state\", \"params\", \"action\"}", context)
        }
        // The Pact verifier calls the URL for interactions without a provider state too, with no (or an empty) state:
        // nothing to do.
        if body["state"] == nil || body["state"] == .null || body["state"]?.stringValue == "" { return json(200, [:], context) }
        guard let name = body["state"]?.stringValue else { return adminError(400, "'state' must be a string", context) }
        let action = body["action"]?.stringValue ?? "setup"
        guard action == "setup" || action == "teardown" else {
            return adminError(400, "'action' must be \"setup\" or \"teardown\", got \"\(action)\"", context)
        }
        var params = JSONObject()
        switch body["params"] {
        case nil, .null?: break
        case .object(let object)?: params = object
        default: return adminError(400, "'params' must be an object", context)
        }
        let tenantID = params["tenantId"]?.stringValue ?? TestToken.defaultTenantID
        let store = tenants.store(tenantID)
        func string(_ key: String) throws(EmulatorStateError) -> String {
            guard let value = params[key]?.stringValue, !value.isEmpty else {
                throw EmulatorStateError(message: "state '\(name)' needs a non-empty string param '\(key)'")
            }
            return value
        }
        do throws(EmulatorStateError) {
            switch name {
            case ProviderStateEndpoint.docsWorld:
                if action == "setup" { store.write { $0.apply(DocsWorld.document) } }
            case ProviderStateEndpoint.faultsInjected:
                if action == "setup" {
                    guard case .array(let items)? = params["faults"], !items.isEmpty else {
                        throw EmulatorStateError(message: "state '\(name)' needs a non-empty array param 'faults'")
                    }
                    let rules = try items.map { value throws(EmulatorStateError) in try FaultRule.decode(value) }
                    store.write { $0.apply(EmulatorState(faults: rules)) }
                } else {
                    store.write { $0.faults = FaultSchedule() }
                }
            case ProviderStateEndpoint.unlicensedLearnerActivity:
                let activityID = try string("activityId")
                if action == "setup" {
                    let learnerID = try string("learnerId")
                    let activity: JSONObject = [
                        "@odata.type": .string(ActivityType.assignment.rawValue), "id": .string(activityID),
                        "learningProviderId": .string(try string("providerId")), "learningContentId": .string(try string("contentId")),
                        "learnerUserId": .string(learnerID), "assignmentType": "required", "status": "notStarted",
                    ]
                    store.write { $0.apply(EmulatorState(licenses: [ExactKey(learnerID): false], activities: [activity])) }
                    return json(200, ["activityId": .string(activityID)], context)
                } else {
                    store.write { _ = $0.removeActivity(id: activityID) }
                }
            default:
                throw EmulatorStateError(message: "unknown provider state '\(name)' (known: \(ProviderStateEndpoint.names.joined(separator: "; ")))")
            }
        } catch {
            return adminError(400, error.message, context)
        }
        return json(200, [:], context)
    }
}

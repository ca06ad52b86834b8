import LearningContract
import LearningHTTP

/// The emulator's own endpoint for state the API cannot set (licenses, tenants, reset), under the reserved
/// prefix `/_emulator` (Conformance/STATE.md). It is for tests; `AdminAccess` says who may use it (by default only
/// requests whose `Host` names a loopback address, and `serve` then refuses a non-loopback `--host`).
///
/// - `GET /_emulator/info` → 200 `{"emulator","testTokens","defaultTenant","versions","readings"}`; `readings` maps
///   every documented contradiction to the reading the emulator takes (`strict` or `lenient`), so the runner skips
///   scenarios that need the other one (`reading:lenient:<ambiguity>`)
/// - `PUT /_emulator/tenants/{tid}/state` (state document) → 204, replaces the tenant's state
/// - `POST /_emulator/tenants/{tid}/state` (state document) → 204, applies it on top of the current state
/// - `GET /_emulator/tenants/{tid}/state` → 200 state document (404 for an unknown tenant)
/// - `DELETE /_emulator/tenants/{tid}` → 204
/// - `POST /_emulator/reset` → 204, back to the start state
/// - `POST /_emulator/provider-states` → Pact-style provider states (`ProviderStateEndpoint`)
public enum AdminEndpoint {
    public static let prefix = "_emulator"
}

extension Emulator {
    func admin(_ segments: ArraySlice<String>, _ request: HTTPRequest, _ context: RequestContext, overNetwork: Bool) -> HTTPResponse {
        if let refusal = adminRefusal(request, context, overNetwork: overNetwork) { return refusal }
        let path = Array(segments)
        let method = request.method
        switch path.count {
        case 1 where path[0] == "info":
            guard method == "GET" else { return adminError(405, "use GET", context) }
            return json(200, [
                "emulator": "learning-contract", "testTokens": true, "defaultTenant": .string(TestToken.defaultTenantID),
                "versions": .array(APIVersion.allCases.map { .string($0.rawValue) }),
                "readings": .object(JSONObject(Ambiguity.documented.map {
                    .init(key: $0.id.rawValue, value: .string(configuration.contract.strictness(for: $0.id).rawValue))
                })),
            ], context)
        case 1 where path[0] == ProviderStateEndpoint.segment:
            return providerState(request, context)
        case 1 where path[0] == "reset":
            guard method == "POST" else { return adminError(405, "use POST", context) }
            reset()
            return response(204, context)
        case 2 where path[0] == "tenants":
            guard method == "DELETE" else { return adminError(405, "use DELETE", context) }
            tenants.remove(path[1])
            return response(204, context)
        case 3 where path[0] == "tenants" && path[2] == "state":
            let tenantID = path[1]
            switch method {
            case "GET":
                guard let document = state(ofTenant: tenantID) else { return adminError(404, "no tenant '\(tenantID)'", context) }
                return json(200, document.json, context)
            case "PUT", "POST":
                let document: EmulatorState
                do {
                    document = try EmulatorState(json: try reader.read(request.body).root)
                } catch let failure as EmulatorStateError {
                    return adminError(400, failure.message, context)
                } catch {
                    return adminError(400, "the state document is not valid JSON: \(error)", context)
                }
                if method == "PUT" {
                    setState(document, ofTenant: tenantID)
                } else {
                    tenants.store(tenantID).write { $0.apply(document) }
                }
                return response(204, context)
            default:
                return adminError(405, "use GET, PUT or POST", context)
            }
        default:
            return adminError(404, "unknown admin path /\(AdminEndpoint.prefix)/\(path.joined(separator: "/"))", context)
        }
    }
}

extension Emulator {
    /// The guards every admin request passes first (`AdminAccess`): off → 404; a token → 401 without it;
    /// loopback only → 403 unless `Host` names a loopback address (an in-process call may omit `Host`: no browser is
    /// involved); `PUT`/`POST` without a JSON `Content-Type` → 415.
    func adminRefusal(_ request: HTTPRequest, _ context: RequestContext, overNetwork: Bool) -> HTTPResponse? {
        switch configuration.admin {
        case .disabled:
            return adminRefusal(404, "notFound", "the admin endpoint is turned off (serve --no-admin)", context)
        case .token(let secret):
            let given = TestToken.bearerToken(fromAuthorization: context.headers.authorization).map(String.init) ?? ""
            guard Self.constantTimeEqual(given, secret) else {
                return adminRefusal(401, "unauthenticated",
                                    "the admin endpoint needs 'Authorization: Bearer <the --admin-token secret>'", context)
            }
        case .loopbackOnly:
            let inProcessWithoutHost = !overNetwork && context.headers.host == nil
            guard inProcessWithoutHost || AdminAccess.isLoopbackHost(context.headers.host) else {
                return adminRefusal(403, "forbidden",
                                    "admin requests must carry a Host naming a loopback address (127.0.0.1, localhost or [::1])",
                                    context)
            }
        }
        if request.method == "PUT" || request.method == "POST", !Self.isJSON(context.headers.contentType) {
            return adminRefusal(415, "unsupportedMediaType", "admin PUT and POST requests need Content-Type: application/json", context)
        }
        return nil
    }

    private func adminRefusal(_ status: Int, _ code: String, _ message: String, _ context: RequestContext) -> HTTPResponse {
        error(GraphError(status: status, code: code, message: message, row: .malformedBody), context)
    }

    /// Compares every byte whatever the first difference, so the time taken does not reveal the secret.
    static func constantTimeEqual(_ given: String, _ secret: String) -> Bool {
        let a = Array(given.utf8), b = Array(secret.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<b.count { difference |= (i < a.count ? a[i] : 0) ^ b[i] }
        return difference == 0 && !b.isEmpty
    }
}

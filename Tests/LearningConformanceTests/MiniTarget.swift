import Foundation
import LearningConformance
import LearningContract
import LearningHTTP

/// A tiny in-memory Graph learning target, right by default, that can break the contract on purpose.
/// It implements only what `TestScenarios` exercises; each `Mutation` is one way a server can be wrong
/// (or, for `Allowance`, one way it may differ while staying conformant).
final class MiniTarget: @unchecked Sendable {
    enum Mutation: String, CaseIterable, Sendable {
        case createReturns200, missingLearnerUserId, wrongNotFoundCode, wrongNotFoundMessage, missingRetryAfter
        case textPlainContentType, extraMember, baseODataType, idChangesOnGet, deleteDoesNotDelete
        case patchIgnored, noClientRequestIdEcho, requestIdNotGuid, innerErrorDateMissing, percentageAsString
        case htmlNotFoundBody, patchReturnsBody, retryAfterNotInteger, rangeNotValidated, wrongFieldNameInMessage
        case anonymousAccepted, externalKeyNotFound, olderNotFoundCodeCasing, otherKeySpelling, deleteFails500
        case connectionResetOnDelete, unavailableIs500
    }

    enum Allowance: String, CaseIterable, Sendable {
        case reversedKeyOrder, otherGeneratedIds, prettyWhitespace, extraHeaders, decimalNumbers, charsetParameter
    }

    let mutations: Set<Mutation>
    let allowances: Set<Allowance>
    /// Whether `/_emulator/info` says `testTokens: true` (else: a third-party target, credentials from config).
    var advertisesTestTokens = true
    /// Status the state endpoint answers (`nil`: 204 as it should).
    var stateStatus: Int?
    /// Echo the Authorization header in error messages (a leaky target: the runner must still redact it).
    var echoesAuthorization = false
    /// Answer this many requests to the API with 429 and `Retry-After: retryAfter` first.
    var throttleFirst = 0
    var retryAfter = 2
    /// Tenant used when the token has no `tid` (third-party credentials).
    static let defaultTenant = "00000000-0000-0000-0000-0000000000aa"
    private let lock = NSLock()
    private var activities: [String: [String: JSONObject]] = [:]   // tenant -> id -> entity
    private var faults: [String: [(status: Int, retryAfter: Int, remaining: Int)]] = [:]
    private var counter = 0

    init(mutations: Set<Mutation> = [], allowances: Set<Allowance> = []) {
        self.mutations = mutations; self.allowances = allowances
    }

    var transport: InMemoryTransport {
        InMemoryTransport { [self] request throws(HTTPClientError) in
            if mutations.contains(.connectionResetOnDelete), request.method == "DELETE", request.target.contains("learningCourseActivities") {
                throw .connectionReset
            }
            return handle(request)
        }
    }

    private func locked<T>(_ body: () -> T) -> T { lock.lock(); defer { lock.unlock() }; return body() }

    // MARK: routing

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        let path = String(request.path).removingPercentEncoding ?? String(request.path)
        if path == "/_emulator/info" {
            return advertisesTestTokens ? json(200, ["emulator": "mini", "testTokens": true]) : error(404, "itemNotFound", "no", request)
        }
        if path.hasPrefix("/_emulator/tenants/") {
            let parts = path.split(separator: "/")
            let tenant = advertisesTestTokens ? String(parts[2]) : Self.defaultTenant
            if let stateStatus { return error(stateStatus, "badRequest", "state endpoint refused", request) }
            if request.method == "PUT" {
                let state = (try? JSONReader().read(request.body).root) ?? [:]
                var list: [(Int, Int, Int)] = []
                for fault in state["faults"]?.arrayValue ?? [] {
                    list.append((Int(fault["status"]?.numberValue?.integerValue ?? 500),
                                 Int(fault["retryAfterSeconds"]?.numberValue?.integerValue ?? 0),
                                 Int(fault["times"]?.numberValue?.integerValue ?? 1)))
                }
                locked {
                    activities[tenant] = [:]
                    faults[tenant] = list.map { (status: $0.0, retryAfter: $0.1, remaining: $0.2) }
                }
                return HTTPResponse(status: 204)
            }
            locked { activities[tenant] = nil; faults[tenant] = nil }
            return HTTPResponse(status: 204)
        }
        guard path.hasPrefix("/v1.0/") else { return error(404, "itemNotFound", "no such path", request) }
        let route = String(path.dropFirst("/v1.0".count))
        if throttleFirst > 0 {
            let throttle = locked { () -> Bool in
                guard throttleFirst > 0 else { return false }
                throttleFirst -= 1
                return true
            }
            if throttle {
                var response = error(429, "tooManyRequests", "Retry after 1 minutes", request)
                response.headers["Retry-After"] = String(retryAfter)
                return response
            }
        }
        guard let tenant = tenant(of: request) else {
            if mutations.contains(.anonymousAccepted) { return json(200, ["value": []]) }
            return error(401, "unauthenticated", "Access token is missing or invalid.", request)
        }
        if let fault = takeFault(tenant) {
            var status = fault.status
            if status == 503, mutations.contains(.unavailableIs500) { status = 500 }
            let (code, message) =
                status == 429 ? ("tooManyRequests", "Retry after \((fault.retryAfter + 59) / 60) minutes")
                : status == 503 ? ("serviceUnavailable", "Retry after \((fault.retryAfter + 59) / 60) minutes")
                : ("internalServerError", "Internal server error.")
            var response = error(status, code, message, request)
            if status == 429 || status == 503, !mutations.contains(.missingRetryAfter) {
                response.headers["Retry-After"] = mutations.contains(.retryAfterNotInteger) ? "soon" : String(fault.retryAfter)
            }
            return response
        }
        let providerPrefix = "/employeeExperience/learningProviders/"
        if request.method == "POST", route.hasPrefix(providerPrefix), route.hasSuffix("/learningCourseActivities") {
            return create(request, tenant: tenant, provider: String(route.dropFirst(providerPrefix.count).prefix(36)))
        }
        if request.method == "GET", route.hasPrefix("/employeeExperience/learningCourseActivities/") {
            let id = String(route.dropFirst("/employeeExperience/learningCourseActivities/".count))
            return get(id, tenant: tenant, request: request)
        }
        if request.method == "GET", let open = route.range(of: "learningCourseActivities(externalCourseActivityId='") {
            let external = String(route[open.upperBound...].dropLast(2))
            if mutations.contains(.externalKeyNotFound) { return notFound(request) }
            let match = locked { activities[tenant]?.values.first { $0["externalCourseActivityId"]?.stringValue == external } }
            guard let match else { return notFound(request) }
            return json(200, entity(match, provider: match["learningProviderId"]?.stringValue ?? ""))
        }
        if route.hasPrefix(providerPrefix), route.contains("/learningCourseActivities/") {
            let id = String(route.split(separator: "/").last ?? "")
            if request.method == "PATCH" { return patch(id, tenant: tenant, request: request) }
            if request.method == "DELETE" { return delete(id, tenant: tenant, request: request) }
        }
        return error(405, "methodNotAllowed", "This method isn't supported for this entity type.", request)
    }

    private func tenant(of request: HTTPRequest) -> String? {
        guard let authorization = request.headers["Authorization"], authorization.hasPrefix("Bearer ") else { return nil }
        if !advertisesTestTokens { return authorization == "Bearer third-party-secret-0123456789" ? Self.defaultTenant : nil }
        let parts = authorization.dropFirst(7).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let claims = try? JSONReader().read(data).root else { return nil }
        return claims["tid"]?.stringValue
    }

    private func takeFault(_ tenant: String) -> (status: Int, retryAfter: Int)? {
        locked {
            guard var list = faults[tenant], let index = list.firstIndex(where: { $0.remaining > 0 }) else { return nil }
            list[index].remaining -= 1
            faults[tenant] = list
            return (list[index].status, list[index].retryAfter)
        }
    }

    // MARK: operations

    private func create(_ request: HTTPRequest, tenant: String, provider: String) -> HTTPResponse {
        guard let body = try? JSONReader().read(request.body).root, case .object(var object) = body else {
            return error(400, "badRequest", "Malformed body.", request)
        }
        if let percentage = object["completionPercentage"], !percentage.isNull, !mutations.contains(.rangeNotValidated) {
            let value = percentage.numberValue?.integerValue
            if value == nil || value! < 0 || value! > 100 {
                let field = mutations.contains(.wrongFieldNameInMessage) ? "percentage" : "completionPercentage"
                return error(400, "badRequest", "Input field \(field) is invalid", request)
            }
        }
        let id = locked { () -> String in
            counter += 1
            let seed = allowances.contains(.otherGeneratedIds) ? 0xBEEF00 + counter : counter
            return String(format: "7ba2228a-e020-11ec-9d64-0242ac120002:00000000-0000-4000-8000-%012x", seed)
        }
        object["id"] = .string(id)
        object["learningProviderId"] = .string(provider)
        locked { activities[tenant, default: [:]][id] = object }
        return json(mutations.contains(.createReturns200) ? 200 : 201, entity(object, provider: provider))
    }

    private func get(_ id: String, tenant: String, request: HTTPRequest) -> HTTPResponse {
        guard var stored = locked({ activities[tenant]?[id] }) else { return notFound(request) }
        if mutations.contains(.idChangesOnGet) { stored["id"] = .string(id + "-copy") }
        return json(200, entity(stored, provider: stored["learningProviderId"]?.stringValue ?? ""))
    }

    private func patch(_ id: String, tenant: String, request: HTTPRequest) -> HTTPResponse {
        guard var stored = locked({ activities[tenant]?[id] }) else { return notFound(request) }
        let body = (try? JSONReader().read(request.body).root)?.objectValue ?? JSONObject()
        for member in body where ["status", "completionPercentage", "completedDateTime"].contains(member.key) {
            stored[member.key] = member.value
        }
        if !mutations.contains(.patchIgnored) { locked { activities[tenant]?[id] = stored } }
        if mutations.contains(.patchReturnsBody) { return json(204, entity(stored, provider: "")) }
        return HTTPResponse(status: 204)
    }

    private func delete(_ id: String, tenant: String, request: HTTPRequest) -> HTTPResponse {
        guard locked({ activities[tenant]?[id] }) != nil else { return notFound(request) }
        if mutations.contains(.deleteFails500) { return error(500, "internalServerError", "Internal server error.", request) }
        if !mutations.contains(.deleteDoesNotDelete) { locked { activities[tenant]?[id] = nil } }
        return HTTPResponse(status: 204)
    }

    // MARK: responses

    private func entity(_ stored: JSONObject, provider: String) -> JSONValue {
        var object = JSONObject()
        let type = mutations.contains(.baseODataType) ? "#microsoft.graph.learningCourseActivity"
            : stored["@odata.type"]?.stringValue ?? "#microsoft.graph.learningAssignment"
        object["@odata.type"] = .string(type)
        object["@odata.context"] = .string("https://mini.test/v1.0/$metadata#employeeExperience/learningProviders('\(provider)')/learningCourseActivities/$entity")
        for key in ["id", "learnerUserId", "learningContentId", "learningProviderId", "status", "completionPercentage",
                    "externalCourseActivityId", "assignmentType"] {
            var name = key
            if key == "learnerUserId", mutations.contains(.missingLearnerUserId) { continue }
            if key == "externalCourseActivityId", mutations.contains(.otherKeySpelling) { name = "externalcourseActivityId" }
            var value = stored[key] ?? .null
            if key == "completionPercentage", case .number(let number) = value {
                if mutations.contains(.percentageAsString) { value = .string(number.lexeme) }
                else if allowances.contains(.decimalNumbers) { value = .number(JSONNumber(lexeme: number.lexeme + ".0")) }
            }
            object[name] = value
        }
        if mutations.contains(.extraMember) { object["internalTag"] = "mini-7" }
        return .object(object)
    }

    private func notFound(_ request: HTTPRequest) -> HTTPResponse {
        if mutations.contains(.htmlNotFoundBody) {
            return HTTPResponse(status: 404, headers: ["Content-Type": "text/html"], body: Array("<html>Not Found</html>".utf8))
        }
        let code = mutations.contains(.wrongNotFoundCode) ? "itemNotFound" : mutations.contains(.olderNotFoundCodeCasing) ? "NotFound" : "notFound"
        let message = mutations.contains(.wrongNotFoundMessage) ? "Nothing here." : "The requested assignment ID doesn't exist."
        return error(404, code, message, request)
    }

    private func error(_ status: Int, _ code: String, _ message: String, _ request: HTTPRequest) -> HTTPResponse {
        var inner = JSONObject()
        if !mutations.contains(.innerErrorDateMissing) { inner["date"] = "2026-11-22T13:00:00" }
        inner["request-id"] = mutations.contains(.requestIdNotGuid) ? "req-1" : "0f6bb5a4-3c1e-4d5e-9b7f-2a1c3e4d5f60"
        if let echo = request.headers["client-request-id"], !mutations.contains(.noClientRequestIdEcho) {
            inner["client-request-id"] = .string(echo)
        }
        var text = message
        if echoesAuthorization, let authorization = request.headers["Authorization"] { text += " (token: \(authorization))" }
        return json(status, ["error": ["code": .string(code), "message": .string(text), "innerError": .object(inner)]])
    }

    private func json(_ status: Int, _ value: JSONValue) -> HTTPResponse {
        var value = value
        if allowances.contains(.reversedKeyOrder) { value = Self.reversed(value) }
        let text = value.serialized(pretty: allowances.contains(.prettyWhitespace))
        var headers: HTTPHeaders = [
            "Content-Type": mutations.contains(.textPlainContentType) && status < 300 ? "text/plain"
                : allowances.contains(.charsetParameter) ? "application/json; charset=utf-8" : "application/json",
        ]
        if allowances.contains(.extraHeaders) {
            headers.append(name: "X-Served-By", value: "mini")
            headers.append(name: "Cache-Control", value: "no-store")
        }
        return HTTPResponse(status: status, headers: headers, body: Array(text.utf8))
    }

    static func reversed(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object): .object(JSONObject(object.members.reversed().map { .init(key: $0.key, value: reversed($0.value)) }))
        case .array(let items): .array(items.map(reversed))
        default: value
        }
    }
}

import Foundation
import LearningContract
import LearningHTTP

/// The Viva Learning course-activity API of Microsoft Graph, in memory, as a pure function from request to
/// response. It enforces the contract's rules and error catalog (`LearningContract`) and states nothing twice:
/// field validation, messages and updatable fields come from `Contract`.
///
/// Check order: `CheckOrder.standard` (401 first, then route errors, faults, the request's form, 403 scope, the
/// provider, 404, fields, content and licence).
///
/// Thread-safe: `handle` may be called from any number of threads at once.
public final class Emulator: Sendable {
    public let configuration: EmulatorConfiguration
    public let contract: Contract
    let tenants = TenantRegistry()
    let faults: FaultInjector
    let tokens = TokenCache()
    let routeParser: RouteParser
    /// Members after the evolvable-enum sentinel by property name (learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row assignmentType (Prefer: include-unknown-enum-members)), from the contract.
    let sentinelMembers: [String: Set<String>]
    /// The same per activity type, aligned with `ActivityType.properties`.
    let sentinelMembersByIndex: [ActivityType: [Set<String>?]]
    /// What is served where: the contract's endpoint table under this configuration.
    let endpoints: EndpointTable
    let reader = JSONReader()
    /// The contract's rules compiled once for `validateFast`.
    let fastValidator: FastValidator
    let ids: IDGenerator
    /// The port the server bound (set by `EmulatorServer.start()`), for base URLs of requests without `Host`.
    let boundPort = LockedValue<Int?>(nil)
    /// Permissions per operation under this configuration, from the contract's one table (`OperationPermission`).
    let permissions: [Operation: OperationPermission.Grant]

    public init(configuration: EmulatorConfiguration = EmulatorConfiguration()) {
        self.configuration = configuration
        self.ids = IDGenerator(seed: configuration.idSeed)
        self.contract = Contract(configuration: configuration.contract)
        self.faults = FaultInjector(configuration.faults)
        self.fastValidator = FastValidator(contract: contract)
        let contractConfiguration = configuration.contract
        self.routeParser = RouteParser(acceptsUnquotedKeys: contractConfiguration.strictness(for: .alternateKeyQuoting) == .lenient)
        self.endpoints = EndpointTable(configuration: contractConfiguration)
        let sentinelMembers = contract.membersAfterSentinel.mapValues(Set.init)
        self.sentinelMembers = sentinelMembers
        self.sentinelMembersByIndex = Dictionary(uniqueKeysWithValues: ActivityType.allCases.map { type in
            (type, type.properties.map { sentinelMembers[$0] })
        })
        self.permissions = Dictionary(uniqueKeysWithValues: Operation.allCases.map {
            ($0, OperationPermission.grant(for: $0, configuration: contractConfiguration))
        })
        reset()
    }

    /// Everything back to the start state: the docs world (unless `--empty`), then the `--state` documents.
    public func reset() {
        var states: [ExactKey: TenantState] = [:]
        if configuration.seed == .docs { states[ExactKey(TestToken.defaultTenantID)] = DocsWorld.state() }
        for (tenant, document) in configuration.initialStates {
            var state = states[tenant] ?? TenantState()
            state.apply(document)
            states[tenant] = state
        }
        tenants.replaceAll(states)
        faults.reset(configuration.faults)
    }

    /// The state document of a tenant, or `nil` when the tenant does not exist.
    public func state(ofTenant tenantID: String) -> EmulatorState? {
        tenants.existing(tenantID)?.read { $0.document }
    }

    /// Replaces a tenant's state (creating the tenant), as `PUT /_emulator/tenants/{tid}/state` does.
    public func setState(_ document: EmulatorState, ofTenant tenantID: String) {
        var state = TenantState()
        state.apply(document)
        tenants.replace(tenantID, with: state)
    }

    /// Answers a request made in-process (no socket, no browser): an admin request without any `Host` is
    /// accepted here, while `EmulatorServer` refuses it (see `AdminAccess`).
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        handle(request, overNetwork: false)
    }

    /// `overNetwork`: the request came through a socket, so the admin endpoint's guards apply in full.
    func handle(_ request: HTTPRequest, overNetwork: Bool) -> HTTPResponse {
        var context = RequestContext(request: request, requestID: ids.guid())
        let (path, query) = Self.split(request.target)
        let parsedSegments = RouteParser.segments(of: path)
        if let parsedSegments, parsedSegments.first == AdminEndpoint.prefix {
            return admin(parsedSegments.dropFirst(), request, context, overNetwork: overNetwork)
        }
        // 401 before any route error, the version segment included (`CheckOrder.standard`).
        guard let token = TestToken.bearerToken(fromAuthorization: context.headers.authorization),
              let claims = tokens.claims(for: token) else { return error(.unauthenticated, context) }
        guard let segments = parsedSegments else {
            return error(.resourceNotFoundForSegment, slots: ["segment": String(path)], context)
        }
        guard let first = segments.first else {
            return error(.resourceNotFoundForSegment, slots: ["segment": "/"], context)
        }
        guard let version = APIVersion(rawValue: first == "V1.0" ? "v1.0" : first == "Beta" ? "beta" : first) else {
            return error(.resourceNotFoundForSegment, slots: ["segment": first], context)
        }
        context.version = version
        context.base = baseURL(host: context.headers.host) + "/" + version.rawValue

        let route: Route
        switch routeParser.route(segments.dropFirst()) {
        case .success(let parsed): route = parsed
        case .failure(.segment(let segment)): return error(.resourceNotFoundForSegment, slots: ["segment": segment], context)
        }
        guard let operation = endpoints.endpoint(route, method: request.method, version: version)?.operation else {
            return methodNotAllowed(route, version: version, context)
        }
        // HEAD answers as GET does; the HTTP server sends the headers (Content-Length included) and drops the body
        // (RFC 9110 §9.3.2).
        let isRead = request.method == "GET" || request.method == "HEAD"

        // Faults on demand: global rules, then the tenant's own.
        var decision = faults.next(operation: operation, method: request.method)
        if let store = tenants.existing(claims.tenantID) {
            // Only the rule that answers spends: a tenant's rule stays unspent when a global one answered.
            let answered = decision?.rule != nil
            let tenantDecision = store.write { state in
                state.faults.isEmpty ? nil : state.faults.next(operation: operation, method: request.method, answered: answered)
            }
            decision = decision.map { $0.merged(with: tenantDecision) } ?? tenantDecision
        }
        if let decision {
            if decision.latencyMs > 0 { context.delay = .milliseconds(decision.latencyMs) }
            if let rule = decision.rule { return faultResponse(rule, context) }
        }

        var options = QueryOptions()
        if isRead {
            let parsed: Result<QueryOptions, QueryOptions.Failure>
            if case .count = route {
                // `/$count` takes no paging or selection (OData 4.01 URL conventions §4.8).
                parsed = QueryOptions.parse(query, version: version, isList: false)
            } else if let names = entityProperties(operation) {
                parsed = Self.entityOptions(query, version: version, isList: operation.isList, names: names)
            } else {
                parsed = QueryOptions.parse(query, version: version, isList: operation == .listActivities)
            }
            switch parsed {
            case .success(let value): options = value
            case .failure(.invalid(let option)): return error(.invalidQueryOption, slots: ["option": option], context)
            }
        }

        var body = JSONValue.null
        if request.method == "POST" || request.method == "PATCH" {
            guard Self.isJSON(context.headers.contentType) else { return error(.unsupportedMediaType, context) }
            do {
                body = try reader.read(request.body).root
            } catch {
                // The contract's answer to a body that is not JSON (with the reader's reason as a detail).
                let report = contract.malformedJSONReport(error, operation: operation, apiVersion: version)
                return report.graphError.map { self.error($0, context) } ?? self.error(.malformedBody, context)
            }
        }

        let call = Call(claims: claims, operation: operation, options: options, body: body, context: context)
        switch route {
        case .providerActivities(let providerID): return createActivity(providerID: providerID, call)
        case .globalActivity(let key):
            return operation == .getActivity ? getActivity(key, providerID: nil, user: nil, call) : updateActivity(key, providerID: nil, call)
        case .providerActivity(let providerID, let key):
            switch operation {
            case .getActivity: return getActivity(key, providerID: providerID, user: nil, call)
            case .updateActivity: return updateActivity(key, providerID: providerID, call)
            default: return deleteActivity(key, providerID: providerID, call)
            }
        case .userActivity(let user, let key): return getActivity(key, providerID: nil, user: user, call)
        case .userActivities(let user): return listActivities(user, call)
        case .providers: return operation == .listProviders ? listProviders(call) : createProvider(call)
        case .provider(let id):
            switch operation {
            case .getProvider: return getProvider(id, call)
            case .deleteProvider: return deleteProvider(id, call)
            default: return updateProvider(id, call)
            }
        case .providerReference(let id): return deleteProvider(id, call)
        case .contents(let providerID): return listContents(providerID: providerID, call)
        case .content(let providerID, let key):
            switch operation {
            case .getContent: return getContent(providerID: providerID, key, call)
            case .deleteContent: return deleteContent(providerID: providerID, key, call)
            default: return upsertContent(providerID: providerID, key, call)
            }
        case .contentReference(let providerID, let key): return deleteContent(providerID: providerID, key, call)
        case .count(.userActivities(let user)): return listActivities(user, call, countOnly: true)
        case .count(.contents(let providerID)): return listContents(providerID: providerID, call, countOnly: true)
        case .count(.providers): return listProviders(call, countOnly: true)
        case .count, .globalActivities, .unsupported: return methodNotAllowed(route, version: version, context)
        }
    }

    /// 405 with `Allow` naming the methods the endpoint table serves on the path (RFC 9110 §15.5.6; empty when it
    /// serves none).
    func methodNotAllowed(_ route: Route, version: APIVersion, _ context: RequestContext) -> HTTPResponse {
        var response = error(.methodNotAllowed, context)
        response.headers.append(name: "Allow", value: endpoints.allowedMethods(route, version: version).joined(separator: ", "))
        return response
    }

    /// `application/json`, with or without parameters (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0 and learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, Request headers: required).
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first?.trimmingSpaces() ?? ""
        return mediaType.lowercased() == "application/json"
    }

    func baseURL(host: String?) -> String {
        if let base = configuration.publicBaseURL { return base.hasSuffix("/") ? String(base.dropLast()) : base }
        if let host { return "http://" + host }
        // HTTP/1.0 clients may omit Host: use the address actually bound.
        let port = boundPort.value ?? configuration.port
        return "http://\(configuration.host):\(port)"
    }

    /// Path and query of a request target (both still percent-encoded), split at the first `?`.
    static func split(_ target: String) -> (path: Substring, query: Substring?) {
        guard let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) else { return (target[...], nil) }
        return (target[..<mark], target[target.utf8.index(after: mark)...])
    }
}

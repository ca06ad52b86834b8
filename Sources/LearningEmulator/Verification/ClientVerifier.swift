import LearningContract
import LearningHTTP

/// Judges a request a client sent against the contract, as `serve --verify-clients` does for every request:
/// the required headers (`Authorization`; `Content-Type: application/json` on create and update), the path and
/// method, the query options, every body field (`Contract.validate`, the same rules `validate` applies), the
/// scopes or roles the token lacks, and, as warnings, the documented but non-preferred readings the body relies on.
///
/// Unlike the emulator, which answers with the first error its check order meets, the verifier reports every
/// finding of a request. It never changes what the emulator answers.
public struct ClientVerifier: Sendable {
    let emulator: Emulator

    public init(emulator: Emulator) { self.emulator = emulator }

    /// Every finding about `request`; `nil` for requests that are not API calls (the `/_emulator` admin endpoint).
    public func findings(for request: HTTPRequest) -> [ClientFinding]? {
        let catalog = emulator.contract.catalog
        let (path, query) = Emulator.split(request.target)
        guard let segments = RouteParser.segments(of: path), let first = segments.first else {
            return [unknownPath(String(path))]
        }
        if first == AdminEndpoint.prefix { return nil }
        guard let version = APIVersion(rawValue: first == "V1.0" ? "v1.0" : first == "Beta" ? "beta" : first) else {
            return [unknownPath(String(path))]
        }
        var findings: [ClientFinding] = []
        let headers = RequestHeaders(request.headers)

        // Authorization: a required header of every operation.
        var claims: TestToken.Claims?
        let authSources = catalog[.unauthenticated].sources
        if headers.authorization == nil {
            findings.append(ClientFinding(kind: .missingAuthorization, field: "Authorization",
                                          message: "the required header Authorization is missing; send 'Authorization: Bearer <token>'",
                                          ruleID: "request.headers.Authorization", sources: authSources))
        } else if let token = TestToken.bearerToken(fromAuthorization: headers.authorization),
                  let parsed = emulator.tokens.claims(for: token) {
            claims = parsed
        } else {
            findings.append(ClientFinding(kind: .invalidToken, field: "Authorization",
                                          message: "the Authorization header is not 'Bearer <token>' with a valid, unexpired token",
                                          ruleID: "request.headers.Authorization", sources: authSources))
        }

        let route: Route
        switch emulator.routeParser.route(segments.dropFirst()) {
        case .success(let parsed): route = parsed
        case .failure: return findings + [unknownPath(String(path))]
        }
        guard let operation = emulator.endpoints.endpoint(route, method: request.method, version: version)?.operation else {
            return findings + [ClientFinding(kind: .methodNotAllowed, field: request.method,
                                             message: "\(request.method) is not a documented method of \(path)",
                                             ruleID: ErrorRow.ID.methodNotAllowed.rawValue,
                                             sources: catalog[.methodNotAllowed].sources)]
        }

        if request.method == "GET",
           case .failure(.invalid(let option)) = QueryOptions.parse(query, version: version, isList: operation == .listActivities) {
            let allowed = operation == .listActivities ? "$select, $top, $skip and $count" : "$select"
            findings.append(ClientFinding(kind: .invalidQueryOption, field: option,
                                          message: "query option '\(option)' is not valid here; \(operation.rawValue) documents \(allowed)",
                                          ruleID: ErrorRow.ID.invalidQueryOption.rawValue,
                                          sources: catalog[.invalidQueryOption].sources))
        }

        if let claims, let permission = emulator.permissions[operation], !permission.allows(claims) {
            let needed = (claims.isDelegated ? permission.delegated : permission.application).map(\.description).sorted()
            let held = claims.permissions.isEmpty ? "none" : claims.permissions.joined(separator: " ")
            let kind = claims.isDelegated ? "delegated scopes" : "application roles"
            let wanted = needed.isEmpty ? "\(operation.rawValue) accepts no \(kind) at all" : "it needs one of \(needed.joined(separator: ", "))"
            findings.append(ClientFinding(kind: .missingScope, field: claims.isDelegated ? "scp" : "roles",
                                          message: "the token lacks the permission for \(operation.rawValue): it holds \(kind) \(held); \(wanted)",
                                          ruleID: ErrorRow.ID.permissionScopeMissing.rawValue,
                                          sources: catalog[.permissionScopeMissing].sources))
        }

        if request.method == "POST" || request.method == "PATCH" {
            if !Emulator.isJSON(headers.contentType) {
                let sent = headers.contentType.map { "'\($0)'" } ?? "none"
                findings.append(ClientFinding(kind: .contentType, field: "Content-Type",
                                              message: "Content-Type must be application/json for \(operation.rawValue); sent \(sent)",
                                              ruleID: ErrorRow.ID.unsupportedMediaType.rawValue,
                                              sources: catalog[.unsupportedMediaType].sources))
            }
            findings += bodyFindings(request.body, operation: operation, version: version)
        }
        return findings
    }

    /// The contract's verdict on a body: violations as violations, accepted documented readings as warnings.
    func bodyFindings(_ body: [UInt8], operation: Operation, version: APIVersion) -> [ClientFinding] {
        let value: JSONValue
        do {
            value = try emulator.reader.read(body).root
        } catch {
            return [ClientFinding(kind: .malformedJSON, message: "the body is not valid JSON: \(error)",
                                  ruleID: ErrorRow.ID.malformedBody.rawValue,
                                  sources: emulator.contract.catalog[.malformedBody].sources)]
        }
        let report = emulator.contract.validate(value, operation: operation, apiVersion: version)
        var findings = report.violations.map { violation in
            ClientFinding(kind: .field, field: violation.field,
                          message: "\(violation.field.isEmpty ? "body" : violation.field): \(violation.detail)",
                          ruleID: violation.ruleID, sources: [violation.source], ambiguity: violation.ambiguity)
        }
        findings += report.variants.map { variant in
            let preferred = variant.ambiguity.flatMap { emulator.contract.ambiguity($0)?.preferred }
            return ClientFinding(severity: .warning, kind: .documentedVariant, field: variant.field,
                                 message: "\(variant.field): \(variant.detail)" + (preferred.map { " (preferred reading: \($0))" } ?? ""),
                                 ruleID: variant.ruleID, sources: [variant.source], ambiguity: variant.ambiguity)
        }
        return findings
    }

    private func unknownPath(_ path: String) -> ClientFinding {
        ClientFinding(kind: .unknownPath, field: path, message: "\(path) is not a path of this API",
                      ruleID: ErrorRow.ID.resourceNotFoundForSegment.rawValue,
                      sources: emulator.contract.catalog[.resourceNotFoundForSegment].sources)
    }
}

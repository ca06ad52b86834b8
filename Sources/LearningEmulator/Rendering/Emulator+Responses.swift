import Foundation
import LearningContract
import LearningHTTP

extension Emulator {
    static let jsonContentType = "application/json; charset=utf-8"

    /// Headers every response carries (learn.microsoft.com/graph/errors, Error resource type; learn.microsoft.com/graph/throttling, Best practices to handle throttling (Retry-After in seconds): `request-id`, `client-request-id`).
    func response(_ status: Int, body: [UInt8]? = nil, _ context: RequestContext, preferenceApplied: Bool = false) -> HTTPResponse {
        var headers = HTTPHeaders()
        if body != nil { headers.append(name: "Content-Type", value: Self.jsonContentType) }
        headers.append(name: "request-id", value: context.requestID)
        headers.append(name: "client-request-id", value: context.clientRequestID)
        headers.append(name: "OData-Version", value: "4.0")
        if preferenceApplied && context.includeUnknownEnumMembers {
            headers.append(name: "Preference-Applied", value: "include-unknown-enum-members")
        }
        return HTTPResponse(status: status, headers: headers, body: body ?? [], delay: context.delay)
    }

    func error(_ id: ErrorRow.ID, slots: [String: String] = [:], _ context: RequestContext) -> HTTPResponse {
        error(contract.catalog.error(id, slots: slots), context)
    }

    /// The Graph envelope with `innerError` (`date`, `request-id`, `client-request-id`), learn.microsoft.com/graph/errors, Error resource type.
    func error(_ graphError: GraphError, _ context: RequestContext, retryAfterSeconds: Int? = nil) -> HTTPResponse {
        let inner = InnerError(date: RequestContext.innerErrorDate(), requestID: context.requestID, clientRequestID: context.clientRequestID)
        var response = response(graphError.status, body: JSONWriter.bytes(of: graphError.body(innerError: inner)), context)
        if let retryAfterSeconds { response.headers.append(name: "Retry-After", value: String(retryAfterSeconds)) }
        return response
    }

    /// An injected fault. 429/503 carry `Retry-After` in seconds and the catalog message in minutes
    /// (`RetryAfter.minutes(forSeconds:)`, ambiguity `retryAfterUnits`).
    func faultResponse(_ rule: FaultRule, _ context: RequestContext) -> HTTPResponse {
        let status = rule.status ?? 500
        switch status {
        case 429, 503:
            let seconds = rule.retryAfterSeconds ?? 1
            let row: ErrorRow.ID = status == 429 ? .tooManyRequests : .serviceUnavailable
            let minutes = String(RetryAfter.minutes(forSeconds: seconds))
            return error(contract.catalog.error(row, slots: ["noOfMinutes": minutes]), context, retryAfterSeconds: seconds)
        default:
            var graphError = contract.catalog.error(Self.row(forStatus: status))
            graphError.status = status
            return error(graphError, context, retryAfterSeconds: rule.retryAfterSeconds)
        }
    }

    static func row(forStatus status: Int) -> ErrorRow.ID {
        switch status {
        case 400: .malformedBody
        case 401: .unauthenticated
        case 403: .servicePlanInadequate
        case 404: .activityNotFound
        case 405: .methodNotAllowed
        case 408: .requestTimeout
        case 413: .payloadTooLarge
        case 415: .unsupportedMediaType
        case 429: .tooManyRequests
        case 503: .serviceUnavailable
        default: .internalServerError
        }
    }

    /// Errors of the admin endpoint: the emulator's own codes and messages, in the same envelope.
    func adminError(_ status: Int, _ message: String, _ context: RequestContext) -> HTTPResponse {
        let code = status == 404 ? "notFound" : status == 405 ? "methodNotAllowed" : "badRequest"
        return error(GraphError(status: status, code: code, message: message, row: .malformedBody), context)
    }

    /// Requests the HTTP server refused before the emulator saw them (malformed HTTP, too slow, too large,
    /// too many connections), in the Graph envelope: 408 `requestTimeout`, 413 `payloadTooLarge`,
    /// 503 `serviceUnavailable` (Retry-After 1 s), anything else the `malformedBody` row with the server's
    /// status and its reason as a detail.
    public func rejectionResponse(_ rejection: HTTPServerRejection) -> HTTPResponse {
        let context = RequestContext(request: HTTPRequest(method: "", target: ""), requestID: ids.guid())
        switch rejection.status {
        case 408: return error(.requestTimeout, context)
        case 413: return error(.payloadTooLarge, context)
        case 503:
            let seconds = 1
            let minutes = String(RetryAfter.minutes(forSeconds: seconds))
            return error(contract.catalog.error(.serviceUnavailable, slots: ["noOfMinutes": minutes]), context, retryAfterSeconds: seconds)
        default:
            var graphError = contract.catalog.error(.malformedBody)
            graphError.status = rejection.status
            graphError.details = [GraphError.Detail(code: graphError.code, message: rejection.reason)]
            return error(graphError, context)
        }
    }

    /// A collection's `/$count`: the bare integer as `text/plain` (OData 4.01 URL conventions §4.8; QUERY: "`/$count`
    /// returns only the integer").
    func countResponse(_ count: Int, _ context: RequestContext) -> HTTPResponse {
        var response = response(200, context)
        response.headers.append(name: "Content-Type", value: "text/plain; charset=utf-8")
        response.body = Array(String(count).utf8)
        return response
    }

    func json(_ status: Int, _ value: JSONValue, _ context: RequestContext) -> HTTPResponse {
        response(status, body: JSONWriter.bytes(of: value), context)
    }
}

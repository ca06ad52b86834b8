import Foundation
import LearningContract
import LearningHTTP

/// The findings of `serve --verify-clients`, per request and `client-request-id`, kept while the emulator runs.
/// It sits in front of the emulator: every API request is answered by the emulator as usual, then judged by a
/// `ClientVerifier`, and `GET /_emulator/report` answers with the report (`?client-request-id=ID` for one client
/// request). Thread-safe.
public final class ClientViolationLog: @unchecked Sendable {
    /// Requests kept in full; later ones are counted (with their violations) but not kept.
    public static let capacity = 10_000
    public static let reportPath = "/" + AdminEndpoint.prefix + "/report"

    let verifier: ClientVerifier
    private let lock = NSLock()
    private var report = ClientVerificationReport()

    public init(verifier: ClientVerifier) { self.verifier = verifier }

    /// Answers `request` with the emulator (or with the report for `GET /_emulator/report`, behind the admin
    /// endpoint's guards) and logs the findings. `overNetwork`: as `Emulator.handle(_:overNetwork:)`.
    public func handle(_ request: HTTPRequest, by emulator: Emulator) -> HTTPResponse {
        handle(request, by: emulator, overNetwork: false)
    }

    func handle(_ request: HTTPRequest, by emulator: Emulator, overNetwork: Bool) -> HTTPResponse {
        let (path, query) = Emulator.split(request.target)
        if path == Self.reportPath {
            let context = RequestContext(request: request, requestID: emulator.ids.guid())
            if let refusal = emulator.adminRefusal(request, context, overNetwork: overNetwork) { return refusal }
            return reportResponse(request, query: query)
        }
        let response = emulator.handle(request, overNetwork: overNetwork)
        guard let findings = verifier.findings(for: request) else { return response }
        let sent = request.headers["client-request-id"]
        let id = sent ?? response.headers["client-request-id"] ?? response.headers["request-id"] ?? ""
        record(ClientExchange(clientRequestID: id, clientSentID: sent != nil, method: request.method,
                              target: request.target, status: response.status, findings: findings))
        return response
    }

    public func record(_ exchange: ClientExchange) {
        lock.lock()
        defer { lock.unlock() }
        report.requestsJudged += 1
        if report.requests.count < Self.capacity {
            report.requests.append(exchange)
        } else {
            report.dropped += 1
            report.droppedViolations += exchange.violations.count
        }
    }

    /// Everything found so far.
    public var snapshot: ClientVerificationReport {
        lock.lock()
        defer { lock.unlock() }
        return report
    }

    private func reportResponse(_ request: HTTPRequest, query: Substring?) -> HTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8"]
        guard request.method == "GET" else {
            headers.append(name: "Allow", value: "GET")
            return HTTPResponse(status: 405, headers: headers,
                                body: Array(#"{"error":{"code":"methodNotAllowed","message":"use GET"}}"#.utf8))
        }
        var report = snapshot
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, parts[0] == "client-request-id" {
                let id = String(parts[1]).removingPercentEncoding ?? String(parts[1])
                report.requests = report.requests.filter { $0.clientRequestID == id }
            }
        }
        return HTTPResponse(status: 200, headers: headers, body: Array(report.jsonText.utf8))
    }
}

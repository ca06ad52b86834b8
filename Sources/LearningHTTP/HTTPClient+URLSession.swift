import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `https://` through URLSession when libcurl can't be loaded (see `HTTPClient+Curl.swift`), mapped onto the same
/// response and error types.
extension HTTPClient {
    /// Why URLSession can't honour `caFile`/`insecure` on Linux: swift-corelibs-foundation sets libcurl's CA file
    /// only from a fixed list of system paths, reads `URLSessionCertificateAuthorityInfoFile` only on Android, and
    /// has no server-trust challenge.
    static let urlSessionTLSUnsupported = "libcurl.so.4 could not be loaded, and URLSession on Linux can neither trust an "
        + "extra CA nor skip certificate verification; install libcurl4 (Debian/Ubuntu) or add the CA to the system store: "
        + "cp ca.pem /usr/local/share/ca-certificates/private-ca.crt && update-ca-certificates"

    func sendWithURLSession(_ request: HTTPRequest, to baseURL: URL, timeout: Duration) async -> Result<HTTPResponse, HTTPClientError> {
        if configuration.caFile != nil || configuration.insecure {
            return .failure(.notTLS(Self.urlSessionTLSUnsupported))
        }
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else {
            return .failure(.invalidURL(baseURL.absoluteString))
        }
        components.path = ""
        components.query = nil
        components.fragment = nil
        let target = request.target.isEmpty ? "/" : request.target
        guard let origin = components.url?.absoluteString, let url = URL(string: origin + target) else {
            return .failure(.invalidURL(baseURL.absoluteString + target))
        }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = Double(SocketSupport.nanoseconds(timeout)) / 1e9
        for field in request.headers where field.name.lowercased() != "content-length" {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        if !request.body.isEmpty { urlRequest.httpBody = Data(request.body) }
        // The body is collected by a delegate that counts bytes as they arrive and cancels past the limit, so a
        // hostile target can't make the runner buffer an endless response until the timeout.
        let collector = BoundedCollector(limit: configuration.maxResponseBytes)
        let session = URLSession(configuration: .ephemeral, delegate: collector, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let outcome = await withCheckedContinuation { continuation in
            collector.start(session.dataTask(with: urlRequest), continuation: continuation)
        }
        switch outcome {
        case .failure(let error):
            return .failure(error)
        case .success(let (http, data)):
            var headers = HTTPHeaders()
            for (name, value) in http.allHeaderFields {
                headers.append(name: String(describing: name), value: String(describing: value))
            }
            return .success(HTTPResponse(status: http.statusCode, headers: headers, body: Array(data)))
        }
    }

    static func map(_ error: URLError) -> HTTPClientError {
        switch error.code {
        case .timedOut: .timedOut
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed: .connectionRefused(error.localizedDescription)
        case .networkConnectionLost: .connectionReset
        case .badURL, .unsupportedURL: .invalidURL(error.localizedDescription)
        case .badServerResponse, .cannotParseResponse: .malformedResponse(error.localizedDescription)
        case .dataLengthExceedsMaximum: .responseTooLarge(0)
        default: .other(error.localizedDescription)
        }
    }
}

/// Collects one data task's response with a size cap, and hands redirects back instead of following them.
private final class BoundedCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    typealias Outcome = Result<(HTTPURLResponse, Data), HTTPClientError>

    private let limit: Int
    private let lock = NSLock()
    private var data = Data()
    private var response: HTTPURLResponse?
    private var tooLarge = false
    private var continuation: CheckedContinuation<Outcome, Never>?

    init(limit: Int) { self.limit = limit }

    func start(_ task: URLSessionDataTask, continuation: CheckedContinuation<Outcome, Never>) {
        lock.lock()
        self.continuation = continuation
        lock.unlock()
        task.resume()
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        lock.lock()
        self.response = response as? HTTPURLResponse
        // A declared length over the limit is refused before a byte of the body is read.
        if response.expectedContentLength > Int64(limit) { tooLarge = true }
        let refuse = tooLarge
        lock.unlock()
        completionHandler(refuse ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive chunk: Data) {
        lock.lock()
        if !tooLarge {
            if data.count + chunk.count > limit {
                tooLarge = true
                data = Data()
            } else {
                data.append(chunk)
            }
        }
        let cancel = tooLarge
        lock.unlock()
        if cancel { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.lock()
        let outcome: Outcome
        if tooLarge {
            outcome = .failure(.responseTooLarge(limit))
        } else if let error = error as? URLError {
            outcome = .failure(HTTPClient.map(error))
        } else if let error {
            outcome = .failure(.other(String(describing: error)))
        } else if let response {
            outcome = .success((response, data))
        } else {
            outcome = .failure(.malformedResponse("not an HTTP response"))
        }
        let continuation = self.continuation
        self.continuation = nil
        lock.unlock()
        continuation?.resume(returning: outcome)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

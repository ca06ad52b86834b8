import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `https://` goes through URLSession (no TLS of our own), mapped onto the same response and error types.
extension HTTPClient {
    func sendWithURLSession(_ request: HTTPRequest, to baseURL: URL, timeout: Duration) async -> Result<HTTPResponse, HTTPClientError> {
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
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        do {
            let (data, response) = try await session.data(for: urlRequest)
            guard let http = response as? HTTPURLResponse else { return .failure(.malformedResponse("not an HTTP response")) }
            if data.count > configuration.maxResponseBytes { return .failure(.responseTooLarge(configuration.maxResponseBytes)) }
            var headers = HTTPHeaders()
            for (name, value) in http.allHeaderFields {
                headers.append(name: String(describing: name), value: String(describing: value))
            }
            return .success(HTTPResponse(status: http.statusCode, headers: headers, body: Array(data)))
        } catch let error as URLError {
            return .failure(Self.map(error))
        } catch {
            return .failure(.other(String(describing: error)))
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

/// Hands redirects back to the caller instead of following them.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

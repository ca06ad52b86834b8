import Dispatch
import Foundation
import Glibc

/// `https://` through the system's libcurl (see `Curl.swift`): the CA file and `insecure` of the configuration
/// apply, the transfer blocks in poll(2) on `HTTPClient.queue` (no busy wait), and the response comes back with
/// the same cap and errors as the `http://` path. Without libcurl, URLSession (`HTTPClient+URLSession.swift`).
extension HTTPClient {
    func sendHTTPS(_ request: HTTPRequest, to baseURL: URL, timeout: Duration) async -> Result<HTTPResponse, HTTPClientError> {
        guard let curl = Curl.shared else { return await sendWithURLSession(request, to: baseURL, timeout: timeout) }
        return await sendWithCurl(curl, request, to: baseURL, timeout: timeout)
    }

    /// One exchange over libcurl, for any `http`/`https` base URL (the tests drive it over plain http too).
    func sendWithCurl(_ curl: Curl, _ request: HTTPRequest, to baseURL: URL, timeout: Duration) async -> Result<HTTPResponse, HTTPClientError> {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false), let host = components.host else {
            return .failure(.invalidURL(baseURL.absoluteString))
        }
        let scheme = components.scheme?.lowercased() ?? "https"
        let endpoint = HTTPClientEndpoint(host: host, port: components.port ?? (scheme == "http" ? 80 : 443))
        components.path = ""
        components.query = nil
        components.fragment = nil
        let target = request.target.isEmpty ? "/" : request.target
        guard let origin = components.url?.absoluteString else { return .failure(.invalidURL(baseURL.absoluteString)) }
        let transfer = CurlTransfer(url: origin + target, request: request, endpoint: endpoint,
                                    limit: configuration.maxResponseBytes, caFile: configuration.caFile,
                                    insecure: configuration.insecure,
                                    milliseconds: max(1, Int(SocketSupport.nanoseconds(timeout) / 1_000_000)))
        let handles = curlHandles
        return await withCheckedContinuation { continuation in
            HTTPClient.queue.async {
                continuation.resume(returning: transfer.perform(curl, handles: handles))
            }
        }
    }
}

/// Easy handles kept between requests: libcurl keeps each handle's live connections and TLS sessions across
/// `curl_easy_reset`, so a run doesn't pay a handshake per request.
final class CurlHandles: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [OpaquePointer] = []
    private let maxIdle = 16

    func take(_ curl: Curl) -> OpaquePointer? {
        lock.lock()
        let handle = idle.popLast()
        lock.unlock()
        return handle ?? curl.easyInit()
    }

    func put(_ handle: OpaquePointer, _ curl: Curl) {
        curl.easyReset(handle)
        lock.lock()
        let keep = idle.count < maxIdle
        if keep { idle.append(handle) }
        lock.unlock()
        if !keep { curl.easyCleanup(handle) }
    }

    deinit {
        guard let curl = Curl.shared else { return }
        for handle in idle { curl.easyCleanup(handle) }
    }
}

/// One request's options and what the callbacks collect; lives on one thread for the whole transfer.
final class CurlTransfer: @unchecked Sendable {
    let url: String
    let request: HTTPRequest
    let endpoint: HTTPClientEndpoint
    let limit: Int
    let caFile: String?
    let insecure: Bool
    let milliseconds: Int

    private var headers = HTTPHeaders()
    private var body: [UInt8] = []
    private var received = 0
    private(set) var tooLarge = false

    init(url: String, request: HTTPRequest, endpoint: HTTPClientEndpoint, limit: Int, caFile: String?, insecure: Bool, milliseconds: Int) {
        self.url = url
        self.request = request
        self.endpoint = endpoint
        self.limit = limit
        self.caFile = caFile
        self.insecure = insecure
        self.milliseconds = milliseconds
    }

    /// The header lines libcurl should send: the request's own (framing left to libcurl), an empty value as
    /// `Name;` (curl's spelling for it), and libcurl's own defaults that the request doesn't set switched off.
    var headerLines: [String] {
        var lines: [String] = []
        var names: Set<String> = []
        for field in request.headers {
            let name = field.name.lowercased()
            if name == "content-length" || name == "transfer-encoding" { continue }
            names.insert(name)
            lines.append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        // libcurl adds these on its own (a form Content-Type with POSTFIELDS, Expect: 100-continue for larger
        // bodies, Accept: */*): "Name:" with nothing after it removes one. The request goes out as it was given.
        for name in ["Content-Type", "Expect", "Accept"] where !names.contains(name.lowercased()) {
            lines.append("\(name):")
        }
        return lines
    }

    func perform(_ curl: Curl, handles: CurlHandles) -> Result<HTTPResponse, HTTPClientError> {
        guard let handle = handles.take(curl) else { return .failure(.other("libcurl: curl_easy_init failed")) }
        var list: OpaquePointer?
        for line in headerLines {
            guard let appended = curl.slistAppend(list, line) else {
                curl.slistFreeAll(list)
                curl.easyCleanup(handle)
                return .failure(.other("libcurl: curl_slist_append failed"))
            }
            list = appended
        }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Curl.errorBufferSize)
        errorBuffer.initialize(repeating: 0, count: Curl.errorBufferSize)
        let bodyCopy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, request.body.count), alignment: 1)
        request.body.withUnsafeBytes { bodyCopy.copyMemory(from: $0) }
        let context = Unmanaged.passRetained(self)
        defer {
            context.release()
            bodyCopy.deallocate()
            errorBuffer.deallocate()
            curl.slistFreeAll(list)
        }

        let code = url.withCString { urlText in
            request.method.withCString { method in
                (caFile ?? "").withCString { caFileText in
                    let option = Curl.Option.self
                    _ = curl.setPointer(handle, option.url, urlText)
                    _ = curl.setPointer(handle, option.errorBuffer, errorBuffer)
                    _ = curl.setLong(handle, option.noSignal, 1)
                    _ = curl.setLong(handle, option.followLocation, 0)
                    _ = curl.setLong(handle, option.pathAsIs, 1)
                    _ = curl.setLong(handle, option.httpVersion, Curl.httpVersion11)
                    _ = curl.setLong(handle, option.timeoutMilliseconds, milliseconds)
                    _ = curl.setLong(handle, option.connectTimeoutMilliseconds, milliseconds)
                    _ = curl.setPointer(handle, option.httpHeader, UnsafeRawPointer(list))
                    _ = curl.setCallback(handle, option.writeFunction, curlWriteBody)
                    _ = curl.setPointer(handle, option.writeData, context.toOpaque())
                    _ = curl.setCallback(handle, option.headerFunction, curlWriteHeader)
                    _ = curl.setPointer(handle, option.headerData, context.toOpaque())
                    if request.method == "HEAD" {
                        _ = curl.setLong(handle, option.noBody, 1)
                    } else {
                        _ = curl.setPointer(handle, option.customRequest, method)
                        if !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method) {
                            _ = curl.setOffset(handle, option.postFieldSizeLarge, Int64(request.body.count))
                            _ = curl.setPointer(handle, option.postFields, bodyCopy.baseAddress)
                        }
                    }
                    if insecure {
                        _ = curl.setLong(handle, option.sslVerifyPeer, 0)
                        _ = curl.setLong(handle, option.sslVerifyHost, 0)
                    } else if caFile != nil {
                        // CAINFO replaces the built-in bundle; with OpenSSL, CAPATH's hashed directory is searched
                        // as well, so the system's CAs stay trusted next to the given file.
                        _ = curl.setPointer(handle, option.caInfo, caFileText)
                        if FileManager.default.fileExists(atPath: CurlTransfer.systemCAPath) {
                            CurlTransfer.systemCAPath.withCString { _ = curl.setPointer(handle, option.caPath, $0) }
                        }
                    }
                    return curl.easyPerform(handle)
                }
            }
        }
        var status = 0
        if code == 0 { _ = curl.getLong(handle, Curl.infoResponseCode, &status) }
        // A handle whose transfer failed may hold a connection in an unknown state: it isn't reused.
        if code == 0 { handles.put(handle, curl) } else { curl.easyCleanup(handle) }
        guard code == 0 else {
            let detail = String(cString: errorBuffer)
            return .failure(Self.error(code: code, detail: detail.isEmpty ? curl.text(code) : detail,
                                       endpoint: endpoint, url: url, caFile: caFile, tooLarge: tooLarge, limit: limit))
        }
        return .success(HTTPResponse(status: status, headers: headers, body: body))
    }

    /// The hashed certificate directory of Debian and Ubuntu (`update-ca-certificates`).
    static let systemCAPath = "/etc/ssl/certs"

    /// Header callback: one line per call, the status line first (again for each interim 1xx response).
    func header(_ line: UnsafeRawBufferPointer) -> Bool {
        received += line.count
        if received > limit { tooLarge = true; return false }
        var length = line.count
        while length > 0, line[length - 1] == 10 || line[length - 1] == 13 { length -= 1 }  // "\r\n" is one Character
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: line[0..<length]), as: UTF8.self)
        if text.hasPrefix("HTTP/") { headers = HTTPHeaders(); body = []; return true }
        guard let colon = text.firstIndex(of: ":") else { return true }
        let name = String(text[..<colon])
        let value = String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        // A declared length over the limit is refused before a byte of the body is read (not for HEAD, which
        // declares the length of a body it doesn't send).
        if request.method != "HEAD", name.lowercased() == "content-length", let length = Int(value), length > limit {
            tooLarge = true
            return false
        }
        headers.append(name: name, value: value)
        return true
    }

    /// Write callback: body bytes as they arrive, cut off at the limit (returning short aborts the transfer).
    func write(_ chunk: UnsafeRawBufferPointer) -> Bool {
        received += chunk.count
        if received > limit { tooLarge = true; body = []; return false }
        body.append(contentsOf: chunk)
        return true
    }

    /// libcurl's `CURLcode` as one of the client's errors, with libcurl's own words for the reason.
    static func error(code: Int32, detail: String, endpoint: HTTPClientEndpoint, url: String, caFile: String?,
                      tooLarge: Bool, limit: Int) -> HTTPClientError {
        let codes = Curl.Code.self
        if tooLarge { return .responseTooLarge(limit) }
        switch code {
        case codes.unsupportedProtocol where detail.contains("HTTP/0.9"):
            return .malformedResponse(detail)
        case codes.unsupportedProtocol, codes.urlMalformat:
            return .invalidURL("\(url) (\(detail))")
        case codes.couldntResolveHost, codes.couldntResolveProxy:
            return .connectionRefused("\(endpoint): \(detail)")
        case codes.couldntConnect:
            return .connectionRefused("\(endpoint)")
        case codes.operationTimedOut:
            return .timedOut
        case codes.sslConnectError:
            // OpenSSL reads an HTTP answer ("HTTP/1.1 400…") as a TLS record of an unknown version.
            if detail.contains("wrong version number") || detail.contains("packet length too long") || detail.contains("http request") {
                return .notTLS("https:// URL, but \(endpoint) answers in plain HTTP, not TLS (did you mean http://?)")
            }
            if detail.contains("unexpected eof") || detail.contains("SSL_ERROR_SYSCALL") || detail.contains("Connection reset") {
                return .notTLS("https:// URL, but \(endpoint) closed the connection without a TLS handshake (\(detail))")
            }
            return .notTLS("TLS handshake with \(endpoint) failed: \(detail)")
        case let code where codes.untrustedPeer.contains(code):
            let hint = (caFile.map { "; the CA file \($0) does not hold the CA that signed it" } ?? "")
                + " — pass --cacert FILE (the CA that signed it) or --insecure"
            return .notTLS("TLS: the certificate of \(endpoint) is not trusted: \(detail)\(hint)")
        case codes.sslCACertBadFile, codes.sslCertProblem:
            return .notTLS("TLS: could not load the CA file \(caFile ?? "(default)"): \(detail)")
        case let code where codes.otherTLS.contains(code):
            return .notTLS("TLS with \(endpoint) failed: \(detail)")
        case codes.gotNothing, codes.recvError, codes.sendError, codes.partialFile:
            return .connectionReset
        case codes.weirdServerReply, codes.badContentEncoding:
            return .malformedResponse(detail)
        default:
            return .other("libcurl error \(code): \(detail)")
        }
    }
}

/// CURLOPT_WRITEFUNCTION: hands the bytes to the transfer in `userdata`; a short count aborts (CURLE_WRITE_ERROR).
private let curlWriteBody: Curl.DataCallback = { pointer, size, count, userdata in
    guard let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: pointer, count: size * count)
    return transfer.write(bytes) ? size * count : 0
}

/// CURLOPT_HEADERFUNCTION: one header line to the transfer in `userdata`; a short count aborts.
private let curlWriteHeader: Curl.DataCallback = { pointer, size, count, userdata in
    guard let userdata else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
    let bytes = UnsafeRawBufferPointer(start: pointer, count: size * count)
    return transfer.header(bytes) ? size * count : 0
}

import Foundation
import LearningContract
import LearningHTTP

/// Reads a HAR 1.2 file (browser devtools, Dev Proxy) into a `RecordedSession` for `FixtureWriter`:
/// `learning-contract import-har`. Every problem names the entry index (0-based, as in `log.entries[i]`) and the
/// member, and nothing is written unless the whole file reads.
///
/// Bodies: `postData.text` and `content.text` are taken as text, or decoded when `encoding` is `base64`. A binary
/// request body (not UTF-8 after decoding) can't be a fixture step: it is an error naming the entry, unless
/// `skipBinary`, which leaves such entries out and lists them in `skipped`.
public struct HARImporter: Sendable {
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The entry index, `nil` for problems of the file as a whole.
        public var entry: Int?
        public var message: String
        public var description: String { entry.map { "entry \($0): \(message)" } ?? message }
        public init(entry: Int?, message: String) { self.entry = entry; self.message = message }
    }

    public var skipBinary: Bool
    /// Entries left out under `skipBinary`, with why.
    public private(set) var skipped: [String] = []

    public init(skipBinary: Bool = false) { self.skipBinary = skipBinary }

    public mutating func session(from bytes: [UInt8]) throws(Failure) -> RecordedSession {
        let root: JSONValue
        do { root = try JSONReader().read(bytes).root } catch { throw Failure(entry: nil, message: "not a JSON file: \(error)") }
        guard let log = root["log"]?.objectValue else { throw Failure(entry: nil, message: "no 'log' object: not a HAR file") }
        guard let entries = log["entries"]?.arrayValue else { throw Failure(entry: nil, message: "'log.entries' is missing or not an array") }
        if let version = log["version"]?.stringValue, !version.hasPrefix("1.") {
            throw Failure(entry: nil, message: "HAR version \(version) is not supported (1.1 and 1.2 are)")
        }
        var session = RecordedSession(target: "", date: Date())
        for (index, entry) in entries.enumerated() {
            func fail(_ message: String) -> Failure { Failure(entry: index, message: message) }
            guard let request = entry["request"]?.objectValue else { throw fail("'request' is missing or not an object") }
            guard let response = entry["response"]?.objectValue else { throw fail("'response' is missing or not an object") }
            guard let method = request["method"]?.stringValue, !method.isEmpty else { throw fail("request.method is missing") }
            guard let url = request["url"]?.stringValue, let (origin, target) = Self.split(url) else {
                throw fail("request.url is missing or not an absolute http(s) URL")
            }
            guard let status = response["status"]?.numberValue?.integerValue, (100...599).contains(status) else {
                throw fail("response.status is missing or not an HTTP status")
            }
            if index == 0 || session.target.isEmpty {
                session.target = origin
                if let started = entry["startedDateTime"]?.stringValue, let date = Self.date(started) { session.date = date }
            }
            let requestHeaders = try Self.headers(request["headers"], at: "request.headers", fail)
            let responseHeaders = try Self.headers(response["headers"], at: "response.headers", fail)
            var requestBody: [UInt8] = []
            if let postData = request["postData"], !postData.isNull {
                guard let object = postData.objectValue else { throw fail("request.postData is not an object") }
                requestBody = try Self.body(text: object["text"], encoding: object["encoding"], at: "request.postData", fail)
                if !requestBody.isEmpty, (try? JSONReader().read(requestBody)) == nil, String(validating: requestBody, as: UTF8.self) == nil {
                    let type = object["mimeType"]?.stringValue ?? "unknown type"
                    let reason = "the request body is binary (\(type), \(requestBody.count) bytes); a fixture step carries JSON or text"
                    guard skipBinary else { throw fail(reason + " (use --skip-binary to leave such entries out)") }
                    skipped.append("entry \(index): \(method) \(target): \(reason); left out")
                    continue
                }
            }
            var responseBody: [UInt8] = []
            if let content = response["content"], !content.isNull {
                guard let object = content.objectValue else { throw fail("response.content is not an object") }
                responseBody = try Self.body(text: object["text"], encoding: object["encoding"], at: "response.content", fail)
            }
            session.exchanges.append(.init(
                request: HTTPRequest(method: method, target: target, headers: requestHeaders, body: requestBody),
                response: HTTPResponse(status: Int(status), headers: responseHeaders, body: responseBody),
                label: "entry \(index)"))
        }
        return session
    }

    static func headers(_ value: JSONValue?, at member: String, _ fail: (String) -> Failure) throws(Failure) -> HTTPHeaders {
        guard let value else { return [:] }
        guard let items = value.arrayValue else { throw fail("\(member) is not an array") }
        var headers = HTTPHeaders()
        for (position, item) in items.enumerated() {
            guard let name = item["name"]?.stringValue, let text = item["value"]?.stringValue else {
                throw fail("\(member)[\(position)] needs string 'name' and 'value'")
            }
            if name.hasPrefix(":") { continue }  // HTTP/2 pseudo-headers
            headers.append(name: name, value: text)
        }
        return headers
    }

    static func body(text: JSONValue?, encoding: JSONValue?, at member: String, _ fail: (String) -> Failure) throws(Failure) -> [UInt8] {
        guard let text, !text.isNull else { return [] }
        guard let string = text.stringValue else { throw fail("\(member).text is not a string") }
        switch encoding?.stringValue?.lowercased() {
        case nil, "", "identity": return Array(string.utf8)
        case "base64":
            guard let data = Data(base64Encoded: string, options: .ignoreUnknownCharacters) else {
                throw fail("\(member).text is not valid base64 (encoding says base64)")
            }
            return Array(data)
        case let other?: throw fail("\(member).encoding '\(other)' is not supported (only base64)")
        }
    }

    /// `https://host:port/path?query` -> (`https://host:port`, `/path?query`).
    static func split(_ url: String) -> (String, String)? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let pathStart = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        guard pathStart > rest.startIndex else { return nil }
        let origin = String(url[..<pathStart])
        var target = String(rest[pathStart...])
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if target.isEmpty || target.hasPrefix("?") { target = "/" + target }
        return (origin, target)
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

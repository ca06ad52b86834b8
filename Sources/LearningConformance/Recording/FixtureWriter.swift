import Foundation
import LearningContract
import LearningHTTP

/// Turns a `RecordedSession` into fixtures in the format of `Conformance/README.md`: one scenario per API version
/// (`<name>.json`, `<name>-beta.json`), and a `roles.json` with one role per distinct credential of the session
/// (its kind and permissions, read from the token's claims; never the token).
///
/// - Server-generated values become captures and matchers: the `id` of a created resource is captured and
///   later requests and expectations use `{{idN}}`; `@odata.context`, `@odata.nextLink`, `innerError`'s `date`,
///   `request-id` and `client-request-id`, and date-times the client never sent match by type or pattern.
/// - Credentials are scrubbed by `CredentialScrubber` from every path, header and body.
/// - The scenario's `source` notes the target and the date; `given` is absent (the docs world).
public struct FixtureWriter: Sendable {
    public struct Output: Sendable, Hashable {
        /// File name -> document, `roles.json` included.
        public var files: [(name: String, document: JSONValue)]
        /// Exchanges not written, with why (admin requests, binary bodies…).
        public var notes: [String]

        public static func == (lhs: Output, rhs: Output) -> Bool {
            lhs.files.map(\.name) == rhs.files.map(\.name) && lhs.files.map(\.document) == rhs.files.map(\.document) && lhs.notes == rhs.notes
        }
        public func hash(into hasher: inout Hasher) {
            for file in files { hasher.combine(file.name); hasher.combine(file.document) }
            hasher.combine(notes)
        }
    }

    /// Scenario id and file name stem.
    public var name: String

    public init(name: String) { self.name = name }

    /// Request headers the runner sets itself or that describe the connection, not the call.
    static let droppedRequestHeaders: Set<String> = [
        "host", "content-length", "connection", "keep-alive", "transfer-encoding", "accept-encoding", "user-agent",
        "accept", "authorization", "proxy-authorization", "cookie", "te", "upgrade", "expect",
    ]

    public func fixtures(for session: RecordedSession) -> Output {
        var scrubber = CredentialScrubber()
        for exchange in session.exchanges {
            let request = exchange.request
            scrubber.learn(headers: request.headers.fields.map { ($0.name, $0.value) }, target: request.target,
                           body: try? JSONReader().read(request.body).root)
            scrubber.learn(headers: exchange.response.headers.fields.filter { $0.name.lowercased() == "set-cookie" }.map { ($0.name, $0.value) },
                           target: "", body: nil)
        }
        var notes: [String] = []
        var roles = RoleBuilder()
        var stepsByVersion: [(version: String, steps: [JSONValue])] = []
        var captures: [(value: String, name: String)] = []
        var sentValues: Set<String> = []

        for (index, exchange) in session.exchanges.enumerated() {
            let request = exchange.request
            let path = String(request.path)
            let label = exchange.label ?? "exchange \(index)"
            let segments = path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: true)
            guard let first = segments.first, ["v1.0", "beta"].contains(first.lowercased()) else {
                notes.append("\(label): \(request.method) \(scrubber.scrub(target: path)) is not under /v1.0 or /beta; not written")
                continue
            }
            let version = first.lowercased()
            var relative = String(request.target.dropFirst(first.count + 1))
            if relative.isEmpty { relative = "/" }

            var stepRequest = JSONObject()
            stepRequest["method"] = .string(request.method)
            // Captured values in the path become placeholders (percent-encoded form first).
            var target = scrubber.scrub(target: relative)
            for capture in captures {
                let encoded = capture.value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting([":", "/"])) ?? capture.value
                if encoded != capture.value { target = target.replacingOccurrences(of: encoded, with: "{{\(capture.name)|percent}}") }
                target = target.replacingOccurrences(of: capture.value, with: "{{\(capture.name)}}")
            }
            stepRequest["path"] = .string(target)
            var headers = JSONObject()
            for field in request.headers.fields where !Self.droppedRequestHeaders.contains(field.name.lowercased()) {
                let value = CredentialScrubber.isCredentialName(field.name) ? CredentialScrubber.redacted : scrubber.scrub(value: field.value)
                headers[field.name] = .string(value)
            }
            if !headers.isEmpty { stepRequest["headers"] = .object(headers) }
            if !request.body.isEmpty {
                if let json = try? JSONReader().read(request.body).root {
                    let body = Self.substitute(captures, in: scrubber.scrub(json: json))
                    Self.collectStrings(json, into: &sentValues)
                    stepRequest["body"] = body
                } else if let text = String(validating: request.body, as: UTF8.self) {
                    stepRequest["rawBody"] = .string(scrubber.scrub(text: text))
                } else {
                    notes.append("\(label): \(request.method) \(path) has a binary request body (\(request.body.count) bytes); not written")
                    continue
                }
            }
            for segment in path.split(separator: "/") { sentValues.insert(String(segment).removingPercentEncoding ?? String(segment)) }

            var expect = JSONObject()
            expect["status"] = .number(JSONNumber(exchange.response.status))
            let response = exchange.response
            if let contentType = response.headers["Content-Type"] {
                let mediaType = contentType.split(separator: ";").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? contentType
                expect["headers"] = ["Content-Type": .string(mediaType)]
            }
            if !response.body.isEmpty {
                if let json = try? JSONReader().read(response.body).root {
                    var generalizer = Generalizer(captures: captures, sentValues: sentValues,
                                                  captureCreatedID: request.method == "POST" && (200..<300).contains(response.status))
                    expect["body"] = generalizer.generalize(scrubber.scrub(json: json), key: nil)
                    captures = generalizer.captures
                } else {
                    notes.append("\(label): the response body is not JSON (\(response.body.count) bytes); its status and headers are checked, not its body")
                }
            }

            var step = JSONObject()
            let templatedPath = String(target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            step["name"] = .string("\(index + 1) \(request.method) \(Self.shortPath(templatedPath))")
            step["role"] = .string(roles.role(forAuthorization: request.headers["Authorization"]))
            step["request"] = .object(stepRequest)
            step["expect"] = .object(expect)
            if let position = stepsByVersion.firstIndex(where: { $0.version == version }) {
                stepsByVersion[position].steps.append(.object(step))
            } else {
                stepsByVersion.append((version, [.object(step)]))
            }
        }

        var files: [(name: String, document: JSONValue)] = []
        for (version, steps) in stepsByVersion.sorted(by: { $0.version == "v1.0" && $1.version != "v1.0" }) {
            let id = version == "v1.0" ? name : name + "-" + version
            var scenario = JSONObject()
            scenario["$comment"] = .string("Recorded by learning-contract from \(scrubber.scrub(text: session.target)) on \(session.isoDate) (API \(version)). "
                                           + "Replay: learning-contract conform --fixtures DIR --base-url <target>/\(version).")
            scenario["id"] = .string(id)
            scenario["title"] = .string("Recorded session \(id) (\(steps.count) steps)")
            scenario["source"] = ["page": "recorded", "section": .string(scrubber.scrub(text: session.target)), "row": .string(session.isoDate)]
            scenario["tags"] = ["recorded", .string(version)]
            scenario["steps"] = .array(steps)
            files.append((id + ".json", .object(scenario)))
        }
        if !files.isEmpty { files.append((ScenarioLoader.rolesFileName, roles.document)) }
        return Output(files: files, notes: notes)
    }

    static func shortPath(_ path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.count <= 3 ? path : ".../" + parts.suffix(2).joined(separator: "/")
    }

    static func collectStrings(_ value: JSONValue, into set: inout Set<String>) {
        switch value {
        case .string(let text): set.insert(text)
        case .array(let items): for item in items { collectStrings(item, into: &set) }
        case .object(let object): for member in object { collectStrings(member.value, into: &set) }
        default: break
        }
    }

    /// Captured values in a request body become `{{name}}`.
    static func substitute(_ captures: [(value: String, name: String)], in value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text):
            if let capture = captures.first(where: { $0.value == text }) { return .string("{{\(capture.name)}}") }
            return value
        case .array(let items): return .array(items.map { substitute(captures, in: $0) })
        case .object(let object):
            return .object(JSONObject(object.members.map { .init(key: $0.key, value: substitute(captures, in: $0.value)) }))
        default: return value
        }
    }
}

/// Replaces server-generated values in an expected body with matchers and placeholders.
struct Generalizer {
    var captures: [(value: String, name: String)]
    let sentValues: Set<String>
    let captureCreatedID: Bool

    static let byType: Set<String> = ["@odata.context", "@odata.nextLink", "@odata.deltaLink", "request-id", "client-request-id", "date"]
    static let dateTimePattern = #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}"#

    mutating func generalize(_ value: JSONValue, key: String?, depth: Int = 0) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject()
            for member in object {
                result.members.append(.init(key: member.key, value: generalize(member.value, key: member.key, depth: depth + 1)))
            }
            return .object(result)
        case .array(let items):
            return .array(items.map { generalize($0, key: nil, depth: depth + 1) })
        case .string(let text):
            if let key, Self.byType.contains(key) { return ["$match": "type", "type": "string"] }
            if let capture = captures.first(where: { $0.value == text }) { return .string("{{\(capture.name)}}") }
            if captureCreatedID, depth == 1, key == "id", !sentValues.contains(text) {
                let name = "id\(captures.count + 1)"
                captures.append((text, name))
                return ["$match": "capture", "as": .string(name), "type": "string"]
            }
            if !sentValues.contains(text), text.range(of: Self.dateTimePattern, options: .regularExpression) != nil {
                return ["$match": "regex", "pattern": .string(Self.dateTimePattern)]
            }
            return value
        default:
            return value
        }
    }
}

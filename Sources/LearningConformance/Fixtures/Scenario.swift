import LearningContract
import LearningHTTP

/// One conformance scenario: a `given` state, then steps replayed in order against the target.
/// One scenario per fixture file (`Conformance/**/*.json`); the format is in `Conformance/README.md`.
public struct Scenario: Sendable, Hashable {
    /// Stable id, unique across the suite (used by `--filter`, JUnit and the coverage matrix).
    public var id: String
    public var title: String
    /// Path of the fixture file relative to the fixtures directory (for messages).
    public var file: String
    /// Where the scenario comes from (doc page, section, table row or example).
    public var source: SourceReference?
    public var tags: [String]
    /// What the scenario needs from the target, as declared in `requires` (see `requirements`).
    public var requires: [ScenarioRequirement]
    /// Pact-style provider states set up before the first step and torn down after the last.
    public var states: [ProviderStateReference]
    /// A whole state document for the emulator's admin endpoint (`Conformance/STATE.md`); only a fresh emulator
    /// tenant can take it. `nil` = the base world of the configuration's `freshTenant`.
    public var given: JSONValue?
    public var steps: [Step]

    public init(
        id: String, title: String, file: String = "", source: SourceReference? = nil, tags: [String] = [],
        requires: [ScenarioRequirement] = [], states: [ProviderStateReference] = [], given: JSONValue? = nil, steps: [Step]
    ) {
        self.id = id; self.title = title; self.file = file; self.source = source
        self.tags = tags; self.requires = requires; self.states = states; self.given = given; self.steps = steps
    }

    /// What the scenario needs: the declared requirements plus what its content implies (`{{profile.KEY}}`
    /// placeholders, provider states or a `given` document), `api` when nothing else.
    public var requirements: [ScenarioRequirement] {
        var all = Set(requires).union(impliedRequirements)
        if all.count > 1 { all.remove(.api) }
        return all.isEmpty ? [.api] : all.sorted()
    }

    /// Requirements the content implies, whatever `requires` says.
    public var impliedRequirements: Set<ScenarioRequirement> {
        var implied = Set<ScenarioRequirement>()
        if !states.isEmpty || given != nil { implied.insert(.operatorState) }
        for name in placeholderNames where name.hasPrefix("profile.") {
            if let key = TargetProfile.Key(rawValue: String(name.dropFirst("profile.".count))) { implied.insert(.profile(key)) }
        }
        return implied
    }

    /// Every `{{name}}` used in requests, expectations and state params (filters dropped).
    public var placeholderNames: Set<String> {
        var texts: [String] = []
        func collect(_ value: JSONValue?) {
            switch value {
            case .string(let text)?: texts.append(text)
            case .object(let object)?: for member in object { texts.append(member.key); collect(member.value) }
            case .array(let items)?: items.forEach(collect)
            default: break
            }
        }
        for step in steps {
            texts.append(step.request.path)
            texts += step.request.headers.map(\.value)
            if let raw = step.request.rawBody { texts.append(raw) }
            collect(step.request.body)
            collect(step.expect.body)
            step.expect.headers.forEach { collect($0.value) }
        }
        for state in states { collect(.object(state.params)) }
        var names = Set<String>()
        for text in texts {
            var rest = Substring(text)
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                let expression = rest[open.upperBound..<close.lowerBound]
                let name = expression.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                names.insert(name.trimmingCharacters(in: .whitespaces))
                rest = rest[close.upperBound...]
            }
        }
        return names
    }

    /// Every error row a step expects (for the coverage matrix).
    public var errorRows: [String] {
        var seen: [String] = []
        for step in steps {
            for row in step.expect.rowsReferenced where !seen.contains(row) { seen.append(row) }
        }
        return seen
    }

    /// Every operation a step names.
    public var operations: [String] {
        var seen: [String] = []
        for step in steps { if let op = step.operation, !seen.contains(op) { seen.append(op) } }
        return seen
    }
}

/// Where a fixture's expectation comes from: the label of a DocumentationPage, a section heading, a table row.
public struct SourceReference: Sendable, Hashable, Codable, CustomStringConvertible {
    public var page: String
    public var section: String?
    public var row: String?

    public init(page: String, section: String? = nil, row: String? = nil) {
        self.page = page; self.section = section; self.row = row
    }

    /// The page's public address (`DocumentationPage`), then the section and row: what a reader opens.
    public var description: String {
        [DocumentationPage.address(of: page) ?? page, section, row].compactMap { $0 }.joined(separator: ", ")
    }
}

/// One request and what its response must look like.
public struct Step: Sendable, Hashable {
    public var name: String
    /// Name of a role of `Conformance/roles.json`: which credential the request carries.
    public var role: String
    /// The operation the step exercises (coverage only).
    public var operation: String?
    public var source: SourceReference?
    public var request: StepRequest
    public var expect: StepExpectation
    /// Values to remember for later steps: name -> JSON pointer into the response body.
    public var capture: [Capture]

    public init(
        name: String, role: String, operation: String? = nil, source: SourceReference? = nil,
        request: StepRequest, expect: StepExpectation, capture: [Capture] = []
    ) {
        self.name = name; self.role = role; self.operation = operation; self.source = source
        self.request = request; self.expect = expect; self.capture = capture
    }
}

/// A named value taken from a response body, usable later as `{{name}}`.
public struct Capture: Sendable, Hashable {
    public var name: String
    public var pointer: JSONPointer
    public init(name: String, pointer: JSONPointer) { self.name = name; self.pointer = pointer }
}

/// The request of a step. Strings may hold `{{name}}` placeholders (captures and built-ins).
public struct StepRequest: Sendable, Hashable {
    public var method: String
    /// Path relative to the base URL (which already ends in the version segment), with query.
    public var path: String
    public var headers: HTTPHeaders
    /// A JSON body; matchers are not allowed here.
    public var body: JSONValue?
    /// A raw body sent byte for byte (malformed JSON, wrong media types); wins over `body`.
    public var rawBody: String?

    public init(method: String, path: String, headers: HTTPHeaders = [:], body: JSONValue? = nil, rawBody: String? = nil) {
        self.method = method; self.path = path; self.headers = headers; self.body = body; self.rawBody = rawBody
    }
}

/// What the response must look like. Each part may use matchers (`{"$match": ...}`).
public struct StepExpectation: Sendable, Hashable {
    /// Expected status: a number, or a matcher (e.g. `oneOf`).
    public var status: JSONValue?
    /// Expected headers (name -> value or matcher). Content-Type values compare by media type.
    public var headers: [(name: String, value: JSONValue)]
    /// Expected body; object members not named are allowed (listed under `--strict`).
    public var body: JSONValue?
    /// Shorthand for a documented error row: checks status, code, message, innerError, headers.
    public var errorRow: String?
    /// Values of the row's message slots (`fieldName`, `expectedLength`, `noOfMinutes`).
    public var slots: [String: String]
    /// When true, a 429 is the expected outcome: the runner does not wait and retry.
    public var expectsThrottling: Bool {
        if errorRow == "tooManyRequests" { return true }
        if let n = status?.numberValue?.integerValue { return n == 429 }
        return false
    }

    public init(
        status: JSONValue? = nil, headers: [(name: String, value: JSONValue)] = [], body: JSONValue? = nil,
        errorRow: String? = nil, slots: [String: String] = [:]
    ) {
        self.status = status; self.headers = headers; self.body = body; self.errorRow = errorRow; self.slots = slots
    }

    /// Rows named by `errorRow` and by `variant` matchers in the body.
    public var rowsReferenced: [String] {
        var rows: [String] = errorRow.map { [$0] } ?? []
        body.map { Self.collectRows(in: $0, into: &rows) }
        return rows
    }

    private static func collectRows(in value: JSONValue, into rows: inout [String]) {
        switch value {
        case .object(let object):
            if object["$match"]?.stringValue == "variant", let row = object["row"]?.stringValue, !rows.contains(row) {
                rows.append(row)
            }
            for member in object { collectRows(in: member.value, into: &rows) }
        case .array(let items): for item in items { collectRows(in: item, into: &rows) }
        default: break
        }
    }
}

extension StepExpectation {
    public static func == (lhs: StepExpectation, rhs: StepExpectation) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body && lhs.errorRow == rhs.errorRow && lhs.slots == rhs.slots
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(status); hasher.combine(body); hasher.combine(errorRow); hasher.combine(slots)
        for header in headers { hasher.combine(header.name); hasher.combine(header.value) }
    }
}

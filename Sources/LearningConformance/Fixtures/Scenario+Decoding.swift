import LearningContract
import LearningHTTP

extension Scenario {
    /// Reads a scenario from a fixture document; every problem names the file and the JSON pointer.
    public init(fixture root: JSONValue, file: String) throws(FixtureError) {
        let reader = FixtureReader(file: file)
        let object = try reader.object(root, at: .root)
        try reader.allowOnly(["$schema", "$comment", "id", "title", "source", "tags", "requires", "states", "given", "steps"], in: object, at: .root)
        let id = try reader.string(object["id"], at: "/id")
        guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.:".contains($0) }) else {
            throw FixtureError(file: file, pointer: "/id", message: "id must be non-empty letters, digits, '-', '_', '.', ':'")
        }
        let title = try reader.optionalString(object["title"], at: "/title") ?? id
        let source = try reader.source(object["source"], at: "/source")
        let tags = try reader.stringArray(object["tags"], at: "/tags")
        var requires: [ScenarioRequirement] = []
        for (index, text) in try reader.stringArray(object["requires"], at: "/requires").enumerated() {
            guard let requirement = ScenarioRequirement(text: text) else {
                throw FixtureError(file: file, pointer: JSONPointer(["requires", String(index)]),
                                   message: "unknown requirement '\(text)' (known: \(ScenarioRequirement.allTexts.joined(separator: ", ")))")
            }
            requires.append(requirement)
        }
        let states = try reader.states(object["states"], at: "/states")
        let given = object["given"]
        if let given { _ = try reader.object(given, at: "/given") }
        guard let stepsValue = object["steps"], case .array(let stepValues) = stepsValue, !stepValues.isEmpty else {
            throw FixtureError(file: file, pointer: "/steps", message: "steps must be a non-empty array")
        }
        var steps: [Step] = []
        for (index, value) in stepValues.enumerated() {
            steps.append(try reader.step(value, at: JSONPointer.root.appending("steps").appending(index)))
        }
        self.init(id: id, title: title, file: file, source: source, tags: tags, requires: requires, states: states,
                  given: given, steps: steps)
        // What the content implies must be declared, so that `requires` (and `--list`) never understates.
        if !requires.isEmpty {
            for requirement in impliedRequirements.sorted() where !requires.contains(requirement) {
                throw FixtureError(file: file, pointer: "/requires",
                                   message: "the scenario needs '\(requirement)' (its \(requirement == .operatorState ? "states or given" : "placeholders") say so) but requires does not list it")
            }
        }
        for name in placeholderNames where name.hasPrefix("profile.") {
            if TargetProfile.Key(rawValue: String(name.dropFirst("profile.".count))) == nil {
                throw FixtureError(file: file, pointer: "/steps",
                                   message: "unknown profile key in {{\(name)}} (known: \(TargetProfile.Key.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
    }
}

/// Typed access to a fixture document with precise error locations.
struct FixtureReader {
    let file: String

    func fail(_ pointer: JSONPointer, _ message: String) -> FixtureError {
        FixtureError(file: file, pointer: pointer, message: message)
    }

    func object(_ value: JSONValue?, at pointer: JSONPointer) throws(FixtureError) -> JSONObject {
        guard case .object(let object)? = value else { throw fail(pointer, "expected an object") }
        return object
    }

    func string(_ value: JSONValue?, at pointer: JSONPointer) throws(FixtureError) -> String {
        guard case .string(let text)? = value else { throw fail(pointer, "expected a string") }
        return text
    }

    func optionalString(_ value: JSONValue?, at pointer: JSONPointer) throws(FixtureError) -> String? {
        guard let value else { return nil }
        return try string(value, at: pointer)
    }

    func stringArray(_ value: JSONValue?, at pointer: JSONPointer) throws(FixtureError) -> [String] {
        guard let value else { return [] }
        guard case .array(let items) = value else { throw fail(pointer, "expected an array of strings") }
        var strings: [String] = []
        for (index, item) in items.enumerated() { strings.append(try string(item, at: pointer.appending(index))) }
        return strings
    }

    func allowOnly(_ keys: Set<String>, in object: JSONObject, at pointer: JSONPointer) throws(FixtureError) {
        for member in object where !keys.contains(member.key) {
            throw fail(pointer.appending(member.key), "unknown key '\(member.key)' (allowed: \(keys.sorted().joined(separator: ", ")))")
        }
        var seen: Set<String> = []
        for member in object where !seen.insert(member.key).inserted {
            throw fail(pointer.appending(member.key), "duplicate key '\(member.key)'")
        }
    }

    func source(_ value: JSONValue?, at pointer: JSONPointer) throws(FixtureError) -> SourceReference? {
        guard let value else { return nil }
        if case .string(let page) = value { return SourceReference(page: page) }
        let object = try object(value, at: pointer)
        try allowOnly(["page", "section", "row"], in: object, at: pointer)
        return SourceReference(
            page: try string(object["page"], at: pointer.appending("page")),
            section: try optionalString(object["section"], at: pointer.appending("section")),
            row: try optionalString(object["row"], at: pointer.appending("row"))
        )
    }

    func states(_ value: JSONValue?, at pointer: JSONPointer) throws(FixtureError) -> [ProviderStateReference] {
        guard let value else { return [] }
        guard case .array(let items) = value else { throw fail(pointer, "expected an array of provider states") }
        var states: [ProviderStateReference] = []
        for (index, item) in items.enumerated() {
            let itemPointer = pointer.appending(index)
            let object = try object(item, at: itemPointer)
            try allowOnly(["$comment", "name", "params"], in: object, at: itemPointer)
            let name = try string(object["name"], at: itemPointer.appending("name"))
            guard ProviderStateCatalog.names.contains(name) else {
                throw fail(itemPointer.appending("name"),
                           "unknown provider state '\(name)' (known: \(ProviderStateCatalog.names.joined(separator: "; ")))")
            }
            var params = JSONObject()
            if let paramsValue = object["params"] { params = try self.object(paramsValue, at: itemPointer.appending("params")) }
            states.append(ProviderStateReference(name: name, params: params))
        }
        return states
    }

    func headers(_ value: JSONValue?, at pointer: JSONPointer) throws(FixtureError) -> HTTPHeaders {
        guard let value else { return [:] }
        var headers = HTTPHeaders()
        for member in try object(value, at: pointer) {
            headers.append(name: member.key, value: try string(member.value, at: pointer.appending(member.key)))
        }
        return headers
    }

    func step(_ value: JSONValue, at pointer: JSONPointer) throws(FixtureError) -> Step {
        let object = try object(value, at: pointer)
        try allowOnly(["$comment", "name", "role", "operation", "source", "request", "expect", "capture"], in: object, at: pointer)
        let requestPointer = pointer.appending("request")
        let requestObject = try self.object(object["request"], at: requestPointer)
        try allowOnly(["method", "path", "headers", "body", "rawBody"], in: requestObject, at: requestPointer)
        let method = try string(requestObject["method"], at: requestPointer.appending("method"))
        let path = try string(requestObject["path"], at: requestPointer.appending("path"))
        guard path.hasPrefix("/") else { throw fail(requestPointer.appending("path"), "path must start with '/'") }
        if let body = requestObject["body"], Matcher.containsMatcher(body) {
            throw fail(requestPointer.appending("body"), "matchers are not allowed in a request body")
        }
        let request = StepRequest(
            method: method, path: path,
            headers: try headers(requestObject["headers"], at: requestPointer.appending("headers")),
            body: requestObject["body"],
            rawBody: try optionalString(requestObject["rawBody"], at: requestPointer.appending("rawBody"))
        )
        let expectPointer = pointer.appending("expect")
        let expectObject = try self.object(object["expect"], at: expectPointer)
        try allowOnly(["status", "headers", "body", "errorRow", "slots"], in: expectObject, at: expectPointer)
        var expectedHeaders: [(name: String, value: JSONValue)] = []
        if let headerValue = expectObject["headers"] {
            for member in try self.object(headerValue, at: expectPointer.appending("headers")) {
                expectedHeaders.append((member.key, member.value))
            }
        }
        var slots: [String: String] = [:]
        if let slotValue = expectObject["slots"] {
            for member in try self.object(slotValue, at: expectPointer.appending("slots")) {
                slots[member.key] = try string(member.value, at: expectPointer.appending("slots").appending(member.key))
            }
        }
        let errorRow = try optionalString(expectObject["errorRow"], at: expectPointer.appending("errorRow"))
        guard expectObject["status"] != nil || errorRow != nil else {
            throw fail(expectPointer, "expect needs a status or an errorRow")
        }
        for (key, matcherValue) in [("status", expectObject["status"]), ("body", expectObject["body"])] {
            if let matcherValue { try Matcher.validateAll(in: matcherValue, file: file, at: expectPointer.appending(key)) }
        }
        for header in expectedHeaders {
            try Matcher.validateAll(in: header.value, file: file, at: expectPointer.appending("headers").appending(header.name))
        }
        var captures: [Capture] = []
        if let captureValue = object["capture"] {
            for member in try self.object(captureValue, at: pointer.appending("capture")) {
                let text = try string(member.value, at: pointer.appending("capture").appending(member.key))
                guard text.isEmpty || text.hasPrefix("/") else {
                    throw fail(pointer.appending("capture").appending(member.key), "capture needs a JSON pointer such as /id")
                }
                captures.append(Capture(name: member.key, pointer: JSONPointer(parsing: text)))
            }
        }
        let name = try optionalString(object["name"], at: pointer.appending("name")) ?? "\(method) \(path)"
        return Step(
            name: name,
            role: try string(object["role"], at: pointer.appending("role")),
            operation: try optionalString(object["operation"], at: pointer.appending("operation")),
            source: try source(object["source"], at: pointer.appending("source")),
            request: request,
            expect: StepExpectation(
                status: expectObject["status"], headers: expectedHeaders, body: expectObject["body"],
                errorRow: errorRow, slots: slots
            ),
            capture: captures
        )
    }
}

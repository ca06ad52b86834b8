import LearningContract
import LearningHTTP

extension Scenario: Codable {
    /// Decodes the fixture format of `Conformance/README.md` (the same checks as `ScenarioLoader`).
    public init(from decoder: any Decoder) throws {
        try self.init(fixture: JSONValue(from: decoder), file: "")
    }

    public func encode(to encoder: any Encoder) throws {
        try document.encode(to: encoder)
    }

    /// The scenario in the fixture format: `Scenario(fixture: scenario.document, file:)` gives it back.
    public var document: JSONValue {
        var object: JSONObject = ["id": .string(id), "title": .string(title)]
        if let source { object["source"] = source.document }
        object["tags"] = .array(tags.map(JSONValue.string))
        if !requires.isEmpty { object["requires"] = .array(requires.map { .string($0.description) }) }
        if !states.isEmpty { object["states"] = .array(states.map(\.document)) }
        if let given { object["given"] = given }
        object["steps"] = .array(steps.map(\.document))
        return .object(object)
    }
}

extension SourceReference {
    var document: JSONValue {
        var object: JSONObject = ["page": .string(page)]
        if let section { object["section"] = .string(section) }
        if let row { object["row"] = .string(row) }
        return .object(object)
    }
}

extension Step {
    var document: JSONValue {
        var request: JSONObject = ["method": .string(self.request.method), "path": .string(self.request.path)]
        if !self.request.headers.isEmpty {
            request["headers"] = .object(JSONObject(self.request.headers.map { JSONObject.Member(key: $0.name, value: .string($0.value)) }))
        }
        if let body = self.request.body { request["body"] = body }
        if let raw = self.request.rawBody { request["rawBody"] = .string(raw) }
        var expect = JSONObject()
        if let status = self.expect.status { expect["status"] = status }
        if !self.expect.headers.isEmpty {
            expect["headers"] = .object(JSONObject(self.expect.headers.map { JSONObject.Member(key: $0.name, value: $0.value) }))
        }
        if let body = self.expect.body { expect["body"] = body }
        if let row = self.expect.errorRow { expect["errorRow"] = .string(row) }
        if !self.expect.slots.isEmpty {
            expect["slots"] = .object(JSONObject(self.expect.slots.sorted { $0.key < $1.key }.map {
                JSONObject.Member(key: $0.key, value: .string($0.value))
            }))
        }
        var object: JSONObject = ["name": .string(name), "role": .string(role)]
        if let operation { object["operation"] = .string(operation) }
        if let source { object["source"] = source.document }
        object["request"] = .object(request)
        object["expect"] = .object(expect)
        if !capture.isEmpty {
            object["capture"] = .object(JSONObject(capture.map { JSONObject.Member(key: $0.name, value: .string($0.pointer.description)) }))
        }
        return .object(object)
    }
}

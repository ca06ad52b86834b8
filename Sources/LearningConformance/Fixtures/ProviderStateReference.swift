import LearningContract

/// A provider state a scenario needs, in Pact's shape: a name and params. Before the first step the runner
/// `POST`s `{"state": name, "params": params, "action": "setup"}` to the state-change URL, and the same with
/// `"teardown"` afterwards. Strings in `params` may hold placeholders (`{{profile.learnerId}}`, `{{unique}}`).
/// The names and their params are listed in `Conformance/README.md` ("Provider states").
public struct ProviderStateReference: Sendable, Hashable {
    public var name: String
    public var params: JSONObject

    public init(name: String, params: JSONObject = [:]) {
        self.name = name
        self.params = params
    }

    var document: JSONValue {
        var object: JSONObject = ["name": .string(name)]
        if !params.isEmpty { object["params"] = .object(params) }
        return .object(object)
    }
}

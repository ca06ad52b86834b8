import LearningContract

/// A change to a documented example payload, for boundary tables.
enum PayloadMutation: Sendable, CustomStringConvertible {
    case set(JSONPointer, JSONValue)
    case remove(JSONPointer)

    var description: String {
        switch self {
        case .set(let pointer, let value): "\(pointer) = \(value.serialized())"
        case .remove(let pointer): "remove \(pointer)"
        }
    }

    func apply(to value: JSONValue) -> JSONValue {
        switch self {
        case .set(let pointer, let new): value.replacing(pointer.tokens[...], with: new)
        case .remove(let pointer): value.replacing(pointer.tokens[...], with: nil)
        }
    }
}

extension JSONValue {
    /// The value with the member at `tokens` replaced (or removed when `new` is nil); objects only.
    func replacing(_ tokens: ArraySlice<String>, with new: JSONValue?) -> JSONValue {
        guard let key = tokens.first, case .object(var object) = self else { return new ?? self }
        if tokens.count == 1 {
            object[key] = new
        } else {
            object[key] = (object[key] ?? .object([:])).replacing(tokens.dropFirst(), with: new)
        }
        return .object(object)
    }

    static func parse(_ text: String) -> JSONValue {
        (try? JSONReader().read(Array(text.utf8)).root) ?? .null
    }
}

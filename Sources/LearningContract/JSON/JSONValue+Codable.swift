/// Bridges `JSONValue` to `Codable`, so contract types can hold raw JSON (examples, bodies).
///
/// Encoding writes numbers from their lexeme where the encoder allows: an integer lexeme that fits
/// becomes `Int64`, anything else `Double` (the exact lexeme survives only through `serialized()`).
/// Objects are encoded in member order; encoders that keep one value per key keep the last duplicate.
/// Decoding tries `Bool` before numbers so `true` never becomes `1`.
extension JSONValue: Codable {
    private struct MemberKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if single.decodeNil() { self = .null; return }
            if let flag = try? single.decode(Bool.self) { self = .bool(flag); return }
            if let integer = try? single.decode(Int64.self) { self = .number(JSONNumber(lexeme: String(integer))); return }
            if let double = try? single.decode(Double.self), double.isFinite { self = .number(JSONNumber(double)); return }
            if let text = try? single.decode(String.self) { self = .string(text); return }
        }
        if let keyed = try? decoder.container(keyedBy: MemberKey.self) {
            var members: [JSONObject.Member] = []
            members.reserveCapacity(keyed.allKeys.count)
            for key in keyed.allKeys {
                members.append(JSONObject.Member(key: key.stringValue, value: try keyed.decode(JSONValue.self, forKey: key)))
            }
            self = .object(JSONObject(members))
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            if let count = unkeyed.count { elements.reserveCapacity(count) }
            while !unkeyed.isAtEnd { elements.append(try unkeyed.decode(JSONValue.self)) }
            self = .array(elements)
            return
        }
        throw DecodingError.dataCorrupted(
            DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not a JSON value"))
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .number(let number):
            var container = encoder.singleValueContainer()
            if number.isIntegerLexeme, let integer = Int64(number.lexeme) {
                try container.encode(integer)
            } else {
                try container.encode(number.doubleValue)
            }
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .object(let object):
            var container = encoder.container(keyedBy: MemberKey.self)
            for member in object.members { try container.encode(member.value, forKey: MemberKey(member.key)) }
        }
    }
}

import LearningContract

extension FaultRule {
    /// Decodes a rule from a state document or faults file member.
    static func decode(_ value: JSONValue) throws(EmulatorStateError) -> FaultRule {
        do {
            return try StrictJSON.decode(FaultRule.self, from: JSONWriter.bytes(of: value))
        } catch {
            throw EmulatorStateError(message: "invalid fault rule: \(Self.explain(error))")
        }
    }

    private static func explain(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        if case DecodingError.typeMismatch(_, let context) = error { return context.codingPath.map(\.stringValue).joined(separator: ".") + ": wrong type" }
        return "\(error)"
    }
}

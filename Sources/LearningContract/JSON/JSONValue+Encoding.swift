import Foundation

extension JSONValue {
    /// The JSON form of any `Encodable` value (reports, rows, configurations), keys sorted so output is stable.
    public init(encoding value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        self = try JSONReader().read(data).root
    }
}

import Foundation

/// Reads our own files (fixtures, contract files) strictly, then decodes them with `JSONDecoder`:
/// a fixture with a trailing comma, a BOM or a duplicate key is an error, not a silent guess.
public enum StrictJSON {
    /// Throws `JSONReadError` for syntax, `StrictJSONError.duplicateKey` for the first duplicate
    /// member name, else whatever `JSONDecoder` throws (`DecodingError`).
    public static func decode<T: Decodable>(
        _ type: T.Type, from bytes: some Collection<UInt8>, limits: JSONReader.Limits = .default
    ) throws -> T {
        let document = try JSONReader(limits: limits).read(bytes)
        if let duplicate = document.duplicateKeys.first {
            throw StrictJSONError.duplicateKey(duplicate.pointer)
        }
        return try JSONDecoder().decode(type, from: Data(bytes))
    }
}

/// Failures of `StrictJSON` that are not syntax errors.
public enum StrictJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A member name repeated in one object; the pointer names the repeated member.
    case duplicateKey(JSONPointer)

    public var description: String {
        switch self {
        case .duplicateKey(let pointer): "duplicate member name at \(pointer); each name may appear once per object"
        }
    }
}

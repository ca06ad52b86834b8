import Foundation

/// An RFC 6901 JSON Pointer: where in a document a finding applies (`/dueDateTime/dateTime`).
public struct JSONPointer: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var tokens: [String]

    public init(_ tokens: [String] = []) { self.tokens = tokens }

    /// Parses the RFC 6901 text form; `""` is the whole document.
    public init(parsing text: String) {
        guard !text.isEmpty else { self.tokens = []; return }
        self.tokens = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    public init(stringLiteral value: String) { self.init(parsing: value) }

    public static let root = JSONPointer()

    public func appending(_ token: String) -> JSONPointer { JSONPointer(tokens + [token]) }
    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    /// RFC 6901 text: `~` becomes `~0`, `/` becomes `~1`.
    public var description: String {
        tokens.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }.joined()
    }

    /// Dotted form used in Graph messages (`dueDateTime.dateTime`); array indexes stay as numbers.
    public var dotted: String { tokens.joined(separator: ".") }

    public init(from decoder: any Decoder) throws {
        self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension JSONValue {
    /// The value at `pointer`, or `nil` when the path does not exist.
    public subscript(pointer pointer: JSONPointer) -> JSONValue? {
        var current: JSONValue = self
        for token in pointer.tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let array):
                guard let index = Int(token), array.indices.contains(index) else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }
}

import Foundation

/// One documented error: the status, code and message template Graph returns, where the docs say so, and the
/// other spellings the docs have used for it.
public struct ErrorRow: Codable, Sendable, Hashable, Identifiable {
    /// A stable row id (`activityNotFound`), used by reports, fixtures and the coverage matrix.
    public struct ID: RawRepresentable, Codable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
        public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    /// Another documented spelling of the code or the message.
    public struct Variant: Codable, Sendable, Hashable {
        public enum Part: String, Codable, Sendable { case code, message }
        public var part: Part
        public var value: String
        /// Free-text citations, each page label in them given as the page's public address (`DocumentationPage.citing`).
        public var sources: [String]
        public init(_ part: Part, _ value: String, sources: [String]) {
            self.part = part
            self.value = value
            self.sources = sources.map(DocumentationPage.citing)
        }
    }

    public var id: ID
    /// The scenario column of the docs' tables.
    public var scenario: String
    public var status: Int
    public var code: String
    /// Canonical message with `{slot}` placeholders.
    public var messageTemplate: String
    /// Names of the placeholders in `messageTemplate`, in order.
    public var slots: [String]
    public var operations: [Operation]
    /// Each documented table row that lists it (`UPDATE-v1 error table row 6`), or assumed.
    public var sources: [Source]
    public var variants: [Variant]
    /// Facts about the row that readers of the catalog should know (contradictions, choices).
    public var notes: [String]

    public init(
        id: ID, scenario: String, status: Int, code: String, message: String, operations: [Operation],
        sources: [Source], variants: [Variant] = [], notes: [String] = []
    ) {
        self.id = id
        self.scenario = scenario
        self.status = status
        self.code = code
        self.messageTemplate = message
        self.slots = Self.slots(in: message)
        self.operations = operations
        self.sources = sources
        self.variants = variants
        self.notes = notes
    }

    /// Whether every source is an assumption (the learning tables don't list it).
    public var isAssumed: Bool { sources.allSatisfy(\.isAssumed) }

    /// The message with each `{slot}` replaced; unknown slots stay as written.
    public func render(_ values: [String: String]) -> String {
        var text = messageTemplate
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    static func slots(in template: String) -> [String] {
        var names: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

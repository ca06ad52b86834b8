/// A place where the docs contradict themselves (listed in Ambiguity.documented), named, with the readings on each side,
/// the reading this package prefers, and what `strict` and `lenient` do about the other readings.
///
/// Nothing is silently guessed: every rule, emulator branch or runner matcher that depends on one of these
/// refers to it by `id`, and `learning-contract ambiguities` lists them all.
public struct Ambiguity: Codable, Sendable, Hashable, Identifiable {
    public struct ID: RawRepresentable, Codable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }
        public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    /// One side of the contradiction and the pages that say it.
    public struct Reading: Codable, Sendable, Hashable {
        public var text: String
        /// Free-text citations, each page label in them given as the page's public address (`DocumentationPage.citing`).
        public var sources: [String]
        public init(_ text: String, sources: [String]) { self.text = text; self.sources = sources.map(DocumentationPage.citing) }
    }

    public var id: ID
    public var title: String
    public var readings: [Reading]
    /// The reading this package treats as canonical, and why.
    public var preferred: String
    /// What happens under `strict`.
    public var strict: String
    /// What happens under `lenient` (the default).
    public var lenient: String
    /// Which parts of the package consult it.
    public var affects: [Area]

    public enum Area: String, Codable, Sendable, Hashable { case validation, emulator, runner }
}

extension JSONReader {
    /// Bounds that keep a hostile payload from costing unbounded memory or time.
    /// Both defaults are assumed (the Graph docs state no payload or nesting limit, no page documents one: no MaxLength in graph.microsoft.com/v1.0/$metadata, none in any Properties table).
    public struct Limits: Sendable, Codable, Hashable {
        /// How many arrays/objects may be open at once: `[]` has depth 1, `[[]]` depth 2.
        /// The reader itself is iterative, but releasing, comparing and serializing a `JSONValue` recurse,
        /// so keep this in the thousands at most.
        public var maxDepth: Int
        /// Inputs longer than this fail with `sizeLimitExceeded` before any parsing.
        public var maxBytes: Int

        public init(maxDepth: Int = 128, maxBytes: Int = 16 * 1024 * 1024) {
            self.maxDepth = maxDepth
            self.maxBytes = maxBytes
        }

        public static let `default` = Limits()
    }
}

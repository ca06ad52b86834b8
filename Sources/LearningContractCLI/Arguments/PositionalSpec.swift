/// A positional argument: `<file>`, `[<file>]`, `<file>...`.
public struct PositionalSpec: Sendable, Hashable {
    public var name: String
    public var help: String
    /// Takes every remaining argument; only the last positional may repeat.
    public var isRepeating: Bool
    /// May be absent (for a repeating one: zero occurrences are fine).
    public var isOptional: Bool

    public init(_ name: String, help: String, repeating: Bool = false, optional: Bool = false) {
        self.name = name
        self.help = help
        self.isRepeating = repeating
        self.isOptional = optional
    }

    /// `<file>`, `[<file>]`, `<file>...` or `[<file>...]`.
    public var synopsis: String {
        let core = "<\(name)>" + (isRepeating ? "..." : "")
        return isOptional ? "[\(core)]" : core
    }
}

/// Everything the parser and the help renderer need to know about one subcommand, as a value.
public struct CommandSpec: Sendable, Hashable {
    /// One worked example shown at the end of the help.
    public struct Example: Sendable, Hashable {
        /// The arguments after the tool name: `validate --strict activity.json`.
        public var command: String
        public var explanation: String

        public init(_ command: String, _ explanation: String) {
            self.command = command
            self.explanation = explanation
        }
    }

    /// The subcommand as typed: `validate`.
    public var name: String
    /// One line, shown in the root help's command list.
    public var abstract: String
    /// Paragraphs separated by blank lines; lines that start with a space are kept as they are.
    public var discussion: String
    public var options: [OptionSpec]
    public var positionals: [PositionalSpec]
    /// Groups of long option names of which at most one may be given (`["strict", "lenient"]`).
    public var exclusiveGroups: [[String]]
    public var examples: [Example]

    public init(
        name: String,
        abstract: String,
        discussion: String = "",
        options: [OptionSpec] = [],
        positionals: [PositionalSpec] = [],
        exclusiveGroups: [[String]] = [],
        examples: [Example] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.options = options
        self.positionals = positionals
        self.exclusiveGroups = exclusiveGroups
        self.examples = examples
    }

    public func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }
    public func option(short: Character) -> OptionSpec? { options.first { $0.short == short } }
}

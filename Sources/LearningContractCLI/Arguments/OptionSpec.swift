/// One `--option` a command accepts: how it is spelled, whether it takes a value, and how help shows it.
public struct OptionSpec: Sendable, Hashable {
    /// How many values an option takes.
    public enum Kind: Sendable, Hashable {
        /// Present or absent, never a value (`--strict`).
        case flag
        /// Exactly one value, given at most once (`--format json`).
        case value
        /// Any number of values, the option repeated (`--role a --role b`).
        case repeatedValue
    }

    /// The long name without dashes: `format` for `--format`.
    public var name: String
    /// The short name without the dash: `o` for `-o`.
    public var short: Character?
    /// The placeholder shown in help and errors: `format` renders as `<format>`.
    public var valueName: String
    public var help: String
    public var kind: Kind
    /// For `.repeatedValue`: also split each value on commas (`--role a,b`).
    public var acceptsCommaSeparatedList: Bool
    /// When set, any other value is a usage error that lists these.
    public var allowedValues: [String]?
    /// Shown in help, and returned by `ParsedArguments.value(_:)` when the option is absent.
    public var defaultValue: String?
    /// Absent => usage error.
    public var isRequired: Bool

    public init(
        name: String,
        short: Character? = nil,
        valueName: String? = nil,
        help: String,
        kind: Kind,
        acceptsCommaSeparatedList: Bool = false,
        allowedValues: [String]? = nil,
        defaultValue: String? = nil,
        isRequired: Bool = false
    ) {
        self.name = name
        self.short = short
        self.valueName = valueName ?? name
        self.help = help
        self.kind = kind
        self.acceptsCommaSeparatedList = acceptsCommaSeparatedList
        self.allowedValues = allowedValues
        self.defaultValue = defaultValue
        self.isRequired = isRequired
    }

    /// `--name`: present or absent.
    public static func flag(_ name: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, help: help, kind: .flag)
    }

    /// `--name <value>`, at most once.
    public static func value(
        _ name: String, short: Character? = nil, valueName: String? = nil, help: String,
        allowed: [String]? = nil, default defaultValue: String? = nil, required: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            name: name, short: short, valueName: valueName, help: help, kind: .value,
            allowedValues: allowed, defaultValue: defaultValue, isRequired: required
        )
    }

    /// `--name <value>`, any number of times; with `commaSeparated`, `--name a,b` counts as two values.
    public static func repeated(
        _ name: String, short: Character? = nil, valueName: String? = nil, help: String,
        commaSeparated: Bool = false, allowed: [String]? = nil, required: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            name: name, short: short, valueName: valueName, help: help, kind: .repeatedValue,
            acceptsCommaSeparatedList: commaSeparated, allowedValues: allowed, isRequired: required
        )
    }

    /// `--name`, as typed on the command line.
    public var longFlag: String { "--" + name }

    /// `--format <format>`: how usage lines and errors name the option.
    public var synopsis: String {
        switch kind {
        case .flag: longFlag
        case .value: "\(longFlag) <\(valueName)>"
        case .repeatedValue: "\(longFlag) <\(valueName)>..."
        }
    }
}

/// The outcome of parsing one command line against a `CommandSpec`, with typed accessors.
///
/// Asking for an option the spec does not declare is a programming mistake; it answers as if the
/// option were absent rather than crashing (the spec test catches such drift).
public struct ParsedArguments: Sendable, Hashable {
    public var spec: CommandSpec
    /// Long names of the flags that were given.
    public var flags: Set<String>
    /// Values per long option name, in command-line order (comma lists already split).
    public var optionValues: [String: [String]]
    /// Positional arguments in order; `-` stays `-` (standard input).
    public var positionals: [String]

    public init(spec: CommandSpec, flags: Set<String> = [], optionValues: [String: [String]] = [:], positionals: [String] = []) {
        self.spec = spec
        self.flags = flags
        self.optionValues = optionValues
        self.positionals = positionals
    }

    /// Whether `--name` was given.
    public func flag(_ name: String) -> Bool { flags.contains(name) }

    /// Whether the option was given explicitly (as opposed to falling back to its default).
    public func isPresent(_ name: String) -> Bool { flags.contains(name) || optionValues[name] != nil }

    /// The value of `--name`, or the spec's default when absent.
    public func value(_ name: String) -> String? {
        optionValues[name]?.last ?? spec.option(named: name)?.defaultValue
    }

    /// Every value of a repeated option, in order; empty when absent.
    public func values(_ name: String) -> [String] { optionValues[name] ?? [] }

    /// `--name` as an integer (or its default), checked against `range` when given.
    public func int(_ name: String, in range: ClosedRange<Int>? = nil) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text.trimmingWhitespace) else {
            throw UsageError("invalid value '\(text)' for '--\(name)': expected an integer", commandName: spec.name)
        }
        if let range, !range.contains(number) {
            throw UsageError(
                "invalid value '\(text)' for '--\(name)': expected an integer from \(range.lowerBound) to \(range.upperBound)",
                commandName: spec.name
            )
        }
        return number
    }

    /// `--name` as a number (or its default), checked against `range` when given; `inf` and `nan` are refused.
    public func double(_ name: String, in range: ClosedRange<Double>? = nil) throws(UsageError) -> Double? {
        guard let text = value(name) else { return nil }
        guard let number = Double(text.trimmingWhitespace), number.isFinite else {
            throw UsageError("invalid value '\(text)' for '--\(name)': expected a number", commandName: spec.name)
        }
        if let range, !range.contains(number) {
            throw UsageError(
                "invalid value '\(text)' for '--\(name)': expected a number from \(range.lowerBound) to \(range.upperBound)",
                commandName: spec.name
            )
        }
        return number
    }

    /// The positional declared as `name`: non-repeating positionals take one argument each, in order,
    /// and a trailing repeating one takes the rest (use `positionalValues(_:)` for that one).
    public func positional(_ name: String) -> String? { positionalValues(name).first }

    /// The arguments bound to the positional declared as `name`.
    public func positionalValues(_ name: String) -> [String] {
        var next = 0
        for declared in spec.positionals {
            if declared.isRepeating {
                return declared.name == name ? Array(positionals[min(next, positionals.count)...]) : []
            }
            if declared.name == name { return next < positionals.count ? [positionals[next]] : [] }
            next += 1
        }
        return []
    }
}

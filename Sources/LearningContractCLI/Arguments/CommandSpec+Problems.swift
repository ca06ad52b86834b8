extension CommandSpec {
    /// What fits on one root-help line beside a command name of up to 12 characters.
    public static let maximumAbstractLength = 64

    /// Mistakes in the spec itself (duplicate names, missing help, an impossible default...).
    /// Empty for a well-formed spec; a test runs this over every registered command.
    public var problems: [String] {
        var found: [String] = []
        if name.isEmpty || name.hasPrefix("-") || name.contains(" ") { found.append("bad command name '\(name)'") }
        if abstract.isEmpty { found.append("command '\(name)' has no abstract") }
        if abstract.contains("\n") { found.append("command '\(name)': the abstract must be one line") }
        if abstract.count > Self.maximumAbstractLength {
            found.append("command '\(name)': the abstract is longer than \(Self.maximumAbstractLength) characters (one line of the root help)")
        }
        var longNames: Set<String> = ["help"], shortNames: Set<Character> = ["h"]
        for option in options {
            if option.name.isEmpty || option.name.hasPrefix("-") || option.name.contains("=") || option.name.contains(" ") {
                found.append("bad option name '\(option.name)'")
            }
            if !longNames.insert(option.name).inserted { found.append("duplicate option '--\(option.name)'") }
            if let short = option.short, !shortNames.insert(short).inserted { found.append("duplicate short option '-\(short)'") }
            if let short = option.short, short == "-" || short.isNumber { found.append("bad short option '-\(short)'") }
            if option.help.trimmingWhitespace.isEmpty { found.append("option '--\(option.name)' has no help") }
            if option.kind == .flag, option.allowedValues != nil || option.defaultValue != nil {
                found.append("flag '--\(option.name)' cannot have allowed or default values")
            }
            if option.acceptsCommaSeparatedList, option.kind != .repeatedValue {
                found.append("option '--\(option.name)': only repeated options can accept comma-separated lists")
            }
            if let allowed = option.allowedValues, let defaultValue = option.defaultValue, !allowed.contains(defaultValue) {
                found.append("option '--\(option.name)': default '\(defaultValue)' is not an allowed value")
            }
            if option.isRequired, option.defaultValue != nil || option.kind == .flag {
                found.append("option '--\(option.name)': a required option cannot be a flag or have a default")
            }
        }
        for (index, positional) in positionals.enumerated() {
            if positional.help.trimmingWhitespace.isEmpty { found.append("argument <\(positional.name)> has no help") }
            if positional.isRepeating, index != positionals.count - 1 {
                found.append("argument <\(positional.name)>: only the last positional may repeat")
            }
            if !positional.isOptional, positionals[..<index].contains(where: \.isOptional) {
                found.append("argument <\(positional.name)>: a required positional cannot follow an optional one")
            }
        }
        for group in exclusiveGroups {
            if group.count < 2 { found.append("exclusive group \(group) needs at least two options") }
            for member in group where option(named: member) == nil {
                found.append("exclusive group names unknown option '--\(member)'")
            }
        }
        for example in examples where example.command.isEmpty || example.explanation.isEmpty {
            found.append("example '\(example.command)' needs a command and an explanation")
        }
        return found
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace (Foundation-free, so it works on `Substring` too).
    var trimmingWhitespace: SubSequence {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = self[start...].lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}

/// Renders usage lines and help pages from specs. Output is plain text (no colour) wrapped to `width`
/// columns, so it is the same on every terminal and can be checked against golden files.
public enum HelpFormatter {
    /// Help text always wraps here, whatever the terminal: stable output beats using a wide window.
    public static let width = 80
    /// The widest the left column of an option or command list may grow.
    static let maximumColumn = 32

    /// The built-in `-h, --help` every command accepts, listed with its own options.
    static let helpOption = OptionSpec.flag("help", short: "h", help: "Show this help.")

    /// `Usage: learning-contract validate [--strict | --lenient] <file>...`, wrapped under the command name.
    public static func usage(for spec: CommandSpec, toolName: String) -> String {
        var items: [String] = []
        var grouped: Set<String> = []
        for option in spec.options where !grouped.contains(option.name) {
            if let group = spec.exclusiveGroups.first(where: { $0.contains(option.name) }) {
                let members = group.compactMap { spec.option(named: $0) }
                grouped.formUnion(group)
                items.append("[" + members.map(\.synopsis).joined(separator: " | ") + "]")
            } else {
                items.append(option.isRequired ? option.synopsis : "[\(option.synopsis)]")
            }
        }
        items += spec.positionals.map(\.synopsis)
        return pack(items, lead: "Usage: \(toolName) \(spec.name)")
    }

    /// Lays out `items` after `lead`, never splitting an item, continuation lines aligned after `lead`.
    static func pack(_ items: [String], lead: String) -> String {
        let indent = String(repeating: " ", count: min(lead.count + 1, 40))
        var lines: [String] = []
        var current = lead
        for item in items {
            if current.count + 1 + item.count > width, current != lead, current != indent {
                lines.append(current)
                current = indent + item
            } else {
                current += (current == indent ? "" : " ") + item
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// The full help page of one command.
    public static func help(for spec: CommandSpec, toolName: String) -> String {
        var out: [String] = []
        out.append(usage(for: spec, toolName: toolName))
        out.append("")
        out += TextWrapper.wrap(spec.abstract, width: width)
        if !spec.discussion.trimmingWhitespace.isEmpty {
            out.append("")
            out += TextWrapper.wrap(spec.discussion, width: width)
        }
        if !spec.positionals.isEmpty {
            out.append("")
            out.append("Arguments:")
            let labels = spec.positionals.map { "<\($0.name)>" + ($0.isRepeating ? "..." : "") }
            let column = columnWidth(for: labels)
            for (label, positional) in zip(labels, spec.positionals) {
                var text = positional.help
                if positional.isOptional { text += positional.help.isEmpty ? "Optional." : " Optional." }
                out += TextWrapper.entry(label: label, text: text, column: column, width: width)
            }
        }
        out.append("")
        out.append("Options:")
        let options = spec.options + [helpOption]
        let labels = options.map(label(for:))
        let column = columnWidth(for: labels)
        for (label, option) in zip(labels, options) {
            out += TextWrapper.entry(label: label, text: describe(option), column: column, width: width)
        }
        if !spec.exclusiveGroups.isEmpty {
            out.append("")
            for group in spec.exclusiveGroups {
                let names = group.map { "--" + $0 }
                out += TextWrapper.wrap("At most one of \(names.joined(separator: ", ")) may be given.", width: width)
            }
        }
        if !spec.examples.isEmpty {
            out.append("")
            out.append("Examples:")
            for (number, example) in spec.examples.enumerated() {
                if number > 0 { out.append("") }
                out += TextWrapper.wrap(example.explanation, width: width, indent: 2)
                out += TextWrapper.wrap("$ \(toolName) \(example.command)", width: width, indent: 6, firstLineIndent: 4)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The tool's own help page: what it is, every command with its abstract, the root options.
    public static func rootHelp(
        toolName: String, version: String, summary: String, commands: [CommandSpec], helpCommandAbstract: String
    ) -> String {
        var out: [String] = []
        out += TextWrapper.wrap("\(toolName) \(version): \(summary)", width: width)
        out.append("")
        out.append("Usage: \(toolName) <command> [<options>] [<arguments>]")
        out.append("")
        out.append("Commands:")
        let entries = commands.map { ($0.name, $0.abstract) } + [("help", helpCommandAbstract)]
        let column = columnWidth(for: entries.map(\.0))
        for (name, abstract) in entries {
            out += TextWrapper.entry(label: name, text: abstract, column: column, width: width)
        }
        out.append("")
        out.append("Options:")
        let rootOptions = rootOptionEntries
        let optionColumn = columnWidth(for: rootOptions.map(\.0))
        for (label, text) in rootOptions {
            out += TextWrapper.entry(label: label, text: text, column: optionColumn, width: width)
        }
        out.append("")
        out += TextWrapper.wrap("See '\(toolName) help <command>' or '\(toolName) <command> --help' for more about a command.", width: width)
        return out.joined(separator: "\n") + "\n"
    }

    static let rootOptionEntries = [
        ("-h, --help", "Show this help."),
        ("    --version", "Print the version and exit."),
    ]

    /// `-f, --format <format>`, with long-only options aligned under the long names.
    static func label(for option: OptionSpec) -> String {
        let short = option.short.map { "-\($0), " } ?? "    "
        return short + option.synopsis
    }

    /// The help text followed by what the parser enforces: allowed values, default, repetition.
    static func describe(_ option: OptionSpec) -> String {
        var text = option.help.trimmingWhitespace.description
        var notes: [String] = []
        if let allowed = option.allowedValues { notes.append("One of: \(allowed.joined(separator: ", ")).") }
        if let defaultValue = option.defaultValue { notes.append("Default: \(defaultValue).") }
        if option.isRequired { notes.append("Required.") }
        if option.kind == .repeatedValue {
            notes.append(option.acceptsCommaSeparatedList ? "Repeatable; accepts comma-separated lists." : "Repeatable.")
        }
        if !notes.isEmpty { text += (text.isEmpty ? "" : " ") + notes.joined(separator: " ") }
        return text
    }

    /// The left column: the widest label plus a gutter, capped so long labels wrap instead.
    static func columnWidth(for labels: [String]) -> Int {
        let widest = labels.map(\.count).max() ?? 0
        return min(widest + 2 + 3, maximumColumn)
    }
}

import LearningContract

/// `learning-contract errors`: the error catalog, every documented row with its sources and variants.
public enum ErrorsCommand: CLICommand {
    public static let spec = CommandSpec(
        name: "errors",
        abstract: "Print the documented error catalog.",
        discussion: """
            Every row of every documented error table (create, get, update, delete, the errors page and the \
            early beta table) as one entry: a stable row id, HTTP status, code, message template with its slots, \
            the operations it applies to, the table rows it comes from, and its documented variants (older code \
            casing, older wording). Rows marked 'assumed' are Graph-wide conventions the learning tables don't list.
            """,
        options: [
            .value("format", short: "f", help: "Output format.", allowed: ["text", "json", "markdown"], default: "text"),
            .value("operation", short: "o", help: "Only the rows that apply to this operation.", allowed: Operation.allCases.map(\.rawValue)),
        ],
        positionals: [PositionalSpec("ROW", help: "Show one row in full.", optional: true)],
        examples: [
            .init("errors", "List every row."),
            .init("errors activityNotFound", "Show one row with its sources and variants."),
            .init("errors --operation updateActivity --format markdown", "A Markdown table of the update rows."),
        ]
    )

    public static func run(_ arguments: ParsedArguments, context: CLIContext) async -> ExitCode {
        let catalog = ErrorCatalog.documented
        var rows = catalog.rows
        if let name = arguments.value("operation"), let operation = Operation(rawValue: name) {
            rows = catalog.rows(for: operation)
        }
        if let id = arguments.positional("ROW") {
            guard let row = rows.first(where: { $0.id.rawValue == id }) else {
                let guess = Suggestion.closest(to: id, among: catalog.rows.map(\.id.rawValue))
                return CLI.report(UsageError("no error row '\(id)'" + (guess.map { "; did you mean '\($0)'?" } ?? "")), context: context)
            }
            rows = [row]
        }
        switch arguments.value("format") {
        case "json":
            context.print(((try? JSONValue(encoding: rows)) ?? .null).serialized(pretty: true))
        case "markdown":
            context.print("| Row | HTTP | Code | Message | Operations | Sources |")
            context.print("|---|---|---|---|---|---|")
            for row in rows {
                let sources = row.sources.map(\.description).joined(separator: "; ")
                context.print("| `\(row.id)` | \(row.status) | \(row.code) | \(row.messageTemplate) | \(row.operations.map(\.rawValue).joined(separator: ", ")) | \(sources) |")
            }
        default:
            for row in rows {
                let assumed = row.isAssumed ? "  [assumed]" : ""
                context.print(context.styled("\(row.id)", .bold) + "  \(row.status) \(row.code)\(assumed)")
                context.print("  message    \(row.messageTemplate)")
                context.print("  operations \(row.operations.map(\.rawValue).joined(separator: ", "))")
                if rows.count == 1 {
                    for source in row.sources { context.print("  source     \(source)") }
                    for variant in row.variants {
                        context.print("  variant    \(variant.part.rawValue) \"\(variant.value)\" (\(variant.sources.joined(separator: "; ")))")
                    }
                    for note in row.notes { context.print("  note       \(note)") }
                } else {
                    context.print("  sources    \(row.sources.count), variants \(row.variants.count)")
                }
            }
        }
        return .success
    }
}

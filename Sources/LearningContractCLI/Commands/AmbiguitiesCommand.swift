import LearningContract

/// `learning-contract ambiguities`: the documented contradictions, the reading chosen for each, and what
/// `--strict` and `--lenient` do about the others.
public enum AmbiguitiesCommand: CLICommand {
    public static let spec = CommandSpec(
        name: "ambiguities",
        abstract: "List the documented contradictions and how each is resolved.",
        discussion: """
            The docs contradict themselves in places (listed in Ambiguity.documented): property spelling, value shapes, enum \
            members, error wording, permissions. Each contradiction is named; the package prefers one reading \
            and says what strict and lenient mode do about the others. Choose per contradiction in a contract \
            file ("ambiguities": {"<id>": "strict"}) or for all with --strict / --lenient.
            """,
        options: [.value("format", short: "f", help: "Output format.", allowed: ["text", "json"], default: "text")],
        positionals: [PositionalSpec("ID", help: "Show one contradiction in full.", optional: true)],
        examples: [.init("ambiguities", "List them all."), .init("ambiguities dueDateTimeShape", "Show one with its sources.")]
    )

    public static func run(_ arguments: ParsedArguments, context: CLIContext) async -> ExitCode {
        var items = Ambiguity.documented
        if let id = arguments.positional("ID") {
            guard let item = items.first(where: { $0.id.rawValue == id }) else {
                let guess = Suggestion.closest(to: id, among: items.map(\.id.rawValue))
                return CLI.report(UsageError("no contradiction '\(id)'" + (guess.map { "; did you mean '\($0)'?" } ?? "")), context: context)
            }
            items = [item]
        }
        if arguments.value("format") == "json" {
            context.print(((try? JSONValue(encoding: items)) ?? .null).serialized(pretty: true))
            return .success
        }
        for item in items {
            context.print(context.styled(item.id.rawValue, .bold) + ": \(item.title)")
            if items.count == 1 {
                for reading in item.readings { context.print("  reading   \(reading.text) — \(reading.sources.joined(separator: "; "))") }
            }
            context.print("  preferred \(item.preferred)")
            context.print("  strict    \(item.strict)")
            context.print("  lenient   \(item.lenient)")
            context.print("  affects   \(item.affects.map(\.rawValue).joined(separator: ", "))")
        }
        return .success
    }
}

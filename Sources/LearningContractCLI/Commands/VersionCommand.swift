/// `learning-contract version`: the tool's version, as text or JSON (for scripts that pin a version).
public enum VersionCommand: CLICommand {
    public static let spec = CommandSpec(
        name: "version",
        abstract: "Print the version of learning-contract.",
        discussion: """
            Prints the tool's version. The text form is the same line '--version' prints; \
            the JSON form is one object with the tool's name and version, for scripts.
            """,
        options: [
            .value("format", short: "f", help: "Output format.", allowed: ["text", "json"], default: "text"),
        ],
        examples: [
            .init("version", "Print the version as text."),
            .init("version --format json", "Print the version as a JSON object."),
        ]
    )

    public static func run(_ arguments: ParsedArguments, context: CLIContext) async -> ExitCode {
        switch arguments.value("format") {
        case "json":
            // Both strings are constants without characters that need escaping.
            context.print(#"{"name":"\#(CLI.toolName)","version":"\#(CLI.version)"}"#)
        default:
            context.print(CLI.versionLine)
        }
        return .success
    }
}

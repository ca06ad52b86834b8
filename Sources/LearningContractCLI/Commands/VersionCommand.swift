import LearningContract

/// `learning-contract version`: the tool's version and the Graph API versions its contract covers,
/// as text or JSON (for scripts that pin a version).
public enum VersionCommand: CLICommand {
    public static let spec = CommandSpec(
        name: "version",
        abstract: "Print the tool's version and the Graph API versions it covers.",
        discussion: """
            The text form starts with the same line '--version' prints, followed by the Graph API \
            versions the contract encodes. The JSON form is one object with the keys "name", \
            "version" and "apiVersions", for scripts.
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
        let apiVersions = APIVersion.allCases.map(\.rawValue)
        switch arguments.value("format") {
        case "json":
            let object: JSONValue = [
                "name": .string(CLI.toolName),
                "version": .string(CLI.version),
                "apiVersions": .array(apiVersions.map(JSONValue.string)),
            ]
            context.print(object.serialized())
        default:
            context.print(CLI.versionLine)
            context.print("Graph API versions: \(apiVersions.joined(separator: ", "))")
        }
        return .success
    }
}

import LearningContractCLI

/// Specs shaped like the real commands, so parser tests do not depend on commands still being written.
enum SampleSpecs {
    static let validate = CommandSpec(
        name: "validate",
        abstract: "Validate payloads against the contract.",
        options: [
            .flag("strict", help: "Treat every ambiguity as an error."),
            .flag("lenient", help: "Treat every ambiguity as a warning."),
            .flag("verbose", short: "v", help: "Say more."),
            .value("format", short: "f", help: "Output format.", allowed: ["text", "json", "sarif"], default: "text"),
            .repeated("role", help: "Granted roles.", commaSeparated: true, allowed: ["reader", "writer", "admin"]),
            .repeated("header", short: "H", help: "An extra header."),
            .value("port", short: "p", help: "Port to use.", default: "0"),
            .value("operation", help: "The operation."),
        ],
        positionals: [PositionalSpec("file", help: "Files to validate; - for standard input.", repeating: true, optional: true)],
        exclusiveGroups: [["strict", "lenient"]]
    )

    static let token = CommandSpec(
        name: "token",
        abstract: "Mint a test token.",
        options: [.value("tenant", help: "Tenant ID.", required: true)],
        positionals: [PositionalSpec("subject", help: "The user."), PositionalSpec("output", help: "Where to write it.", optional: true)]
    )

    static let bare = CommandSpec(name: "bare", abstract: "No options, no arguments.")
}

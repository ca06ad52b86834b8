/// The `learning-contract` command line as a library: dispatch, help and usage errors.
public enum CLI {
    public static let toolName = "learning-contract"
    /// The tool's version (assumed scheme: semantic versioning of this package, not of the Graph API).
    public static let version = "0.1.0"
    /// The one-line description at the top of the root help.
    public static let summary = "the Microsoft Graph Viva Learning learningCourseActivity API as an executable contract."

    /// Every subcommand, in the order the root help lists them. Append new commands here.
    public static var commands: [any CLICommand.Type] {
        [
            ConformCommand.self,
            ValidateCommand.self,
            ServeCommand.self,
            RecordCommand.self,
            ImportHARCommand.self,
            TokenCommand.self,
            ErrorsCommand.self,
            AmbiguitiesCommand.self,
            SchemaCommand.self,
            VersionCommand.self,
        ]
    }

    static let helpCommandAbstract = "Show help for the tool or for one command."

    /// The process entry point: `arguments` is `CommandLine.arguments` (its first element, the program path, is skipped).
    public static func main(_ arguments: [String], context: CLIContext = .standard) async -> ExitCode {
        await run(Array(arguments.dropFirst()), context: context)
    }

    /// Runs one command line given without the program name.
    public static func run(_ arguments: [String], context: CLIContext) async -> ExitCode {
        guard let first = arguments.first else {
            context.stdout.write(rootHelp)
            return .success
        }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "--help", "-h":
            context.stdout.write(rootHelp)
            return .success
        case "--version":
            guard rest.isEmpty else { return report(UsageError("unexpected argument '\(rest[0])' after '--version'"), context: context) }
            context.stdout.writeLine(versionLine)
            return .success
        case "help":
            return help(rest, context: context)
        default:
            break
        }
        if first.hasPrefix("-"), first != "-" {
            var message = "unknown option '\(first)'"
            if first.hasPrefix("--"), let guess = Suggestion.closest(to: String(first.dropFirst(2)), among: ["help", "version"]) {
                message += "; did you mean '--\(guess)'?"
            } else {
                message += " (a command's options go after its name)"
            }
            return report(UsageError(message), context: context)
        }
        guard let command = command(named: first) else {
            return report(unknownCommand(first), context: context)
        }
        let spec = command.spec
        if ArgumentParser.requestsHelp(rest) {
            context.stdout.write(HelpFormatter.help(for: spec, toolName: toolName))
            return .success
        }
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(rest, spec: spec)
        } catch {
            return report(error, context: context)
        }
        return await command.run(parsed, context: context)
    }

    /// Prints a usage error (message, usage line, where to find help) to standard error; returns `.usage`.
    @discardableResult
    public static func report(_ error: UsageError, context: CLIContext) -> ExitCode {
        context.printError(error.message)
        if let name = error.commandName, let command = command(named: name) {
            context.stderr.writeLine(HelpFormatter.usage(for: command.spec, toolName: toolName))
            context.stderr.writeLine("See '\(toolName) \(name) --help'.")
        } else {
            context.stderr.writeLine(rootUsage)
            context.stderr.writeLine("See '\(toolName) --help'.")
        }
        return .usage
    }

    /// The registered command called `name`.
    public static func command(named name: String) -> (any CLICommand.Type)? {
        commands.first { $0.spec.name == name }
    }

    /// The root help page: every command with its abstract.
    public static var rootHelp: String {
        HelpFormatter.rootHelp(
            toolName: toolName, version: version, summary: summary,
            commands: commands.map { $0.spec }, helpCommandAbstract: helpCommandAbstract
        )
    }

    /// `learning-contract 0.1.0`: what `--version` and `version` print.
    public static var versionLine: String { "\(toolName) \(version)" }

    static var rootUsage: String { "Usage: \(toolName) <command> [<options>] [<arguments>]" }

    /// `help`, `help <command>`.
    static func help(_ arguments: [String], context: CLIContext) -> ExitCode {
        guard let name = arguments.first else {
            context.stdout.write(rootHelp)
            return .success
        }
        if arguments.count > 1 {
            return report(UsageError("unexpected argument '\(arguments[1])' (usage: \(toolName) help [<command>])"), context: context)
        }
        if name == "help" || name == "--help" || name == "-h" {
            context.stdout.write(rootHelp)
            return .success
        }
        guard let command = command(named: name) else { return report(unknownCommand(name), context: context) }
        context.stdout.write(HelpFormatter.help(for: command.spec, toolName: toolName))
        return .success
    }

    static func unknownCommand(_ name: String) -> UsageError {
        var message = "unknown command '\(name)'"
        if let guess = Suggestion.closest(to: name, among: commands.map { $0.spec.name } + ["help"]) {
            message += "; did you mean '\(guess)'?"
        }
        return UsageError(message)
    }
}

/// A subcommand of `learning-contract`: a spec (its name, options, help) and what it does.
///
/// To add one: write `Commands/<Name>Command.swift` with an `enum <Name>Command: CLICommand` and append
/// it to `CLI.commands`. Parsing, `--help`, usage errors and exit code 2 are handled before `run` is called;
/// `run` reads and writes only through `context`, and reports usage problems it finds late (say a bad
/// `--port` from `arguments.int`) with `CLI.report(_:context:)`.
public protocol CLICommand {
    static var spec: CommandSpec { get }
    static func run(_ arguments: ParsedArguments, context: CLIContext) async -> ExitCode
}

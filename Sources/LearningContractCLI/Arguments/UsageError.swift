/// A mistake on the command line. The CLI prints `error: <message>`, the command's usage line and a
/// pointer to its help, then exits with `ExitCode.usage`.
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// The subcommand whose usage applies; `nil` for the tool itself (unknown command, root options).
    public var commandName: String?

    public init(_ message: String, commandName: String? = nil) {
        self.message = message
        self.commandName = commandName
    }

    public var description: String { message }
}

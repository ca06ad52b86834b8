import Foundation

/// Runs a command given after `--` (`serve --verify-clients -- CMD`, `record -- CMD`) with extra environment
/// variables, its output going straight to this process's.
enum ChildCommand {
    /// `.success` when CMD exits 0; `.failure` (with a message) when it exits non-zero or dies of a signal;
    /// `.usage` when it cannot be started.
    static func run(_ command: [String], environment extra: [String: String], context: CLIContext) async -> ExitCode {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.environment = context.environment.merging(extra) { _, new in new }
        process.currentDirectoryURL = context.currentDirectory
        let status: Int32? = await withCheckedContinuation { (continuation: CheckedContinuation<Int32?, Never>) in
            process.terminationHandler = { ended in
                continuation.resume(returning: ended.terminationReason == .exit ? ended.terminationStatus : -ended.terminationStatus)
            }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(returning: nil)
            }
        }
        guard let status else {
            context.printError("cannot run '\(command[0])'")
            return .usage
        }
        guard status == 0 else {
            let how = status > 0 ? "exit status \(status)" : "signal \(-status)"
            context.printError("'\(command.joined(separator: " "))' failed with \(how)")
            return .failure
        }
        return .success
    }
}

import Foundation
import LearningConformance
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `conform`'s report files (`--json`, `--junit`, `--html`), checked before the run so a long run is never lost
/// to a path that can't be written, and its selection options (`--shard`, `--last-failed`).
extension ConformCommand {
    /// The report file options, in the order they are written.
    static let reportOptions = ["json", "junit", "html"]

    /// A report file to write after the run.
    struct ReportFile: Sendable {
        var option: String
        var path: String
        var url: URL
    }

    /// Every requested report file, each proven writable now (created and removed again if it didn't exist).
    static func reportFiles(_ arguments: ParsedArguments, context: CLIContext) throws(UsageError) -> [ReportFile] {
        var files: [ReportFile] = []
        for option in reportOptions {
            guard let path = arguments.value(option) else { continue }
            let url = context.resolve(path)
            if let other = files.first(where: { $0.url.standardizedFileURL.path == url.standardizedFileURL.path }) {
                throw UsageError("--\(option) \(path): the same file as --\(other.option)", commandName: spec.name)
            }
            if let reason = probeWritable(url.path) {
                throw UsageError("--\(option) \(path): cannot write the report there: \(reason)", commandName: spec.name)
            }
            files.append(ReportFile(option: option, path: path, url: url))
        }
        return files
    }

    /// Nil when `path` can be opened for writing; otherwise why not, in words (`is a directory…`).
    static func probeWritable(_ path: String) -> String? {
        if path.isEmpty { return "empty path" }
        let existed = access(path, F_OK) == 0
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return describe(errno, path: path) }
        close(descriptor)
        if !existed { unlink(path) }
        return nil
    }

    /// Writes `text` to `url`; nil on success, otherwise why not.
    static func writeReport(_ text: String, to url: URL) -> String? {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return describe(errno, path: url.path) }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return describe(errno, path: url.path)
            }
            bytes = bytes.dropFirst(written)
        }
        return nil
    }

    static func describe(_ code: Int32, path: String) -> String {
        let text = String(cString: strerror(code))
        switch code {
        case EISDIR:
            return "it is a directory; give a file name, e.g. " + (path.hasSuffix("/") ? path : path + "/") + "conform-report"
        case ENOENT:
            return "its directory does not exist (\(text))"
        default:
            return text
        }
    }

    enum Selection { case run([Scenario]), exit(ExitCode) }

    /// The scenarios to run: `--filter`, then `--last-failed`, then `--shard`. Either the selection, or the exit
    /// code to end with (a usage error, or 0 after "nothing failed last time").
    static func select(_ scenarios: [Scenario], _ arguments: ParsedArguments, context: CLIContext) -> Selection {
        var shard: ScenarioSelection.Shard?
        if let text = arguments.value("shard") {
            guard let parsed = ScenarioSelection.Shard(parsing: text) else {
                return .exit(CLI.report(UsageError("--shard takes i/n with 1 <= i <= n <= \(ScenarioSelection.Shard.maxCount) (e.g. 2/4), not '\(text)'", commandName: spec.name), context: context))
            }
            shard = parsed
        }
        var selected = ScenarioLoader.filter(scenarios, by: arguments.value("filter"))
        if selected.isEmpty {
            return .exit(CLI.report(UsageError("no scenario matches --filter '\(arguments.value("filter") ?? "")'", commandName: spec.name), context: context))
        }
        if let path = arguments.value("last-failed") {
            let previous: ScenarioSelection.PreviousRun
            do {
                previous = try ScenarioSelection.PreviousRun(contentsOf: context.resolve(path))
            } catch {
                return .exit(CLI.report(UsageError("--last-failed \(path): \(error.message)", commandName: spec.name), context: context))
            }
            if previous.failed.isEmpty && !previous.rerunEverything {
                context.print("conform: nothing failed last time (\(path): \(previous.total) scenarios, none failed, throttled or unreachable); nothing to rerun")
                return .exit(.success)
            }
            let (rerun, missing) = previous.select(selected)
            if !missing.isEmpty {
                context.printWarning("--last-failed \(path): \(missing.count) of the scenarios that failed are not in this selection: "
                    + missing.prefix(10).joined(separator: ", ") + (missing.count > 10 ? ", …" : ""))
            }
            if rerun.isEmpty {
                return .exit(CLI.report(UsageError("--last-failed \(path): none of the \(previous.failed.count) scenarios that failed is in this selection", commandName: spec.name), context: context))
            }
            if previous.rerunEverything { context.printWarning("--last-failed \(path): that run did not pass but no scenario failed (unreachable, or all skipped): rerunning everything") }
            selected = rerun
        }
        if let shard {
            let mine = shard.select(selected)
            if mine.isEmpty {
                return .exit(CLI.report(UsageError("--shard \(shard): this shard is empty (\(selected.count) scenario\(selected.count == 1 ? "" : "s") selected for \(shard.count) shards); use fewer shards", commandName: spec.name), context: context))
            }
            selected = mine
        }
        return .run(selected)
    }
}

import Foundation
import LearningConformance

/// `learning-contract import-har FILE --out DIR`: a HAR 1.2 file as conformance fixtures, as `record` writes them.
public enum ImportHARCommand: CLICommand {
    public static let spec = CommandSpec(
        name: "import-har",
        abstract: "Turn a HAR 1.2 file into conformance fixtures.",
        discussion: """
            Reads a HAR file (browser devtools, Dev Proxy) and writes its entries as one scenario per API \
            version, exactly as 'record' does: created ids captured, generated values matched by type or \
            pattern, credentials redacted (Authorization, cookies, credential-like headers, query parameters \
            and body fields), the origin and date of the first entry noted. Entries outside /v1.0 and /beta \
            are left out and listed.

            A malformed HAR is an error naming the entry index (log.entries[i]) and nothing is written: the \
            files are staged in a temporary folder and renamed into --out only when all are ready. Bodies with \
            'encoding': 'base64' are decoded; a binary request body is an error naming the entry unless \
            --skip-binary leaves such entries out (listed on standard error).

            Exit codes: 0 written; 2 usage, a malformed HAR, a binary body without --skip-binary, or an --out \
            directory that can't be written.
            """,
        options: [
            .value("out", short: "o", valueName: "DIR", help: "Directory the fixtures are written into (created if needed)."),
            .value("name", valueName: "NAME", help: "Scenario id and file name; default: the HAR file's name."),
            .flag("skip-binary", help: "Leave out entries whose request body is binary instead of failing."),
        ],
        positionals: [PositionalSpec("file", help: "The HAR file.")],
        examples: [.init("import-har session.har --out recorded", "Write recorded/session.json and recorded/roles.json.")]
    )

    public static func run(_ arguments: ParsedArguments, context: CLIContext) async -> ExitCode {
        guard let path = arguments.positional("file") else {
            return CLI.report(UsageError("missing argument <file>", commandName: spec.name), context: context)
        }
        guard let outText = arguments.value("out") else {
            return CLI.report(UsageError("missing option '--out <DIR>'", commandName: spec.name), context: context)
        }
        let file = context.resolve(path)
        let stem = file.deletingPathExtension().lastPathComponent
        let name = arguments.value("name") ?? String(stem.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" })
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            return CLI.report(UsageError("--name: use letters, digits, '-', '_' and '.'", commandName: spec.name), context: context)
        }
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: file))
        } catch {
            context.printError("cannot read '\(path)': \(error.localizedDescription)")
            return .usage
        }
        var importer = HARImporter(skipBinary: arguments.flag("skip-binary"))
        let session: RecordedSession
        do {
            session = try importer.session(from: bytes)
        } catch {
            context.printError("\(path): \(error.description); nothing written")
            return .usage
        }
        let output = FixtureWriter(name: name).fixtures(for: session)
        guard !output.files.isEmpty else {
            context.printError("\(path): no entry under /v1.0 or /beta; nothing written")
            return .usage
        }
        let directory = context.resolve(outText)
        do {
            try FixtureWriter.checkWritable(directory)
            try FixtureWriter.write(output, to: directory)
        } catch {
            context.printError(error.message + "; nothing written")
            return .usage
        }
        for note in importer.skipped + output.notes { context.printWarning(note) }
        context.print("Imported \(session.exchanges.count) entries into \(outText): \(output.files.map(\.name).joined(separator: ", "))")
        return .success
    }
}

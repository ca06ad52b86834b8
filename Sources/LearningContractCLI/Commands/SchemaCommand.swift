import Foundation
import LearningContract

/// `learning-contract schema [--out DIR] [--check]`: writes the machine-readable contract (OpenAPI, JSON
/// Schemas, error catalog, ambiguities) generated from the rule values, or checks that DIR holds exactly that.
public enum SchemaCommand: CLICommand {
    public static let spec = CommandSpec(
        name: "schema",
        abstract: "Write the OpenAPI document, JSON Schemas and error catalog.",
        discussion: """
            Generates the machine-readable contract from the rule values and writes it into the output \
            directory (created if missing), one line per file written. The files:

              openapi.json                OpenAPI 3.1: every documented path,
                                          bodies, responses, errors, security
              create-/update-learningAssignment.schema.json,
              create-/update-learningSelfInitiatedCourse.schema.json,
              createProvider, updateProvider, upsertContent .schema.json
                                          JSON Schema 2020-12 of each body
              create-/update-learningCourseActivity.schema.json
                                          either subtype, chosen by @odata.type
              error-catalog.json          every error row of the catalog
              ambiguities.json            the documented contradictions
              contract.schema.json        JSON Schema of the --contract file
              schema-cases.json           bodies with the validator's verdict

            The schemas follow the default (lenient) configuration; Schemas/README.md lists what JSON \
            Schema can't express. With --check nothing is written: the command compares DIR with the \
            generated files and exits 1 if any differs or is missing.
            """,
        options: [
            .value("out", short: "o", valueName: "dir", help: "Output directory.", default: "Schemas"),
            .flag("check", help: "Compare the directory with the generated files instead of writing."),
        ],
        examples: [
            .init("schema", "Regenerate Schemas/ in the current directory."),
            .init("schema --out /tmp/contract", "Write the files somewhere else."),
            .init("schema --check", "Exit 1 when Schemas/ is out of date."),
        ]
    )

    public static func run(_ arguments: ParsedArguments, context: CLIContext) async -> ExitCode {
        let path = arguments.value("out") ?? "Schemas"
        let directory = context.resolve(path)
        let files = SchemaExport().files()
        if arguments.flag("check") { return check(files, in: directory, displayPath: path, context: context) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            context.printError("cannot create the output directory '\(path)': \(reason(error))")
            return .usage
        }
        for file in files {
            let url = directory.appendingPathComponent(file.name)
            do {
                try Data(file.content.utf8).write(to: url, options: .atomic)
            } catch {
                context.printError("cannot write '\(display(path, file.name))': \(reason(error))")
                return .usage
            }
            context.print("wrote \(display(path, file.name)) (\(file.content.utf8.count) bytes)")
        }
        return .success
    }

    static func check(_ files: [SchemaExport.File], in directory: URL, displayPath: String, context: CLIContext) -> ExitCode {
        var stale = 0
        for file in files {
            let url = directory.appendingPathComponent(file.name)
            let existing = FileManager.default.contents(atPath: url.path)
            if existing == nil {
                context.print("missing \(display(displayPath, file.name))")
                stale += 1
            } else if existing != Data(file.content.utf8) {
                context.print("differs \(display(displayPath, file.name))")
                stale += 1
            }
        }
        if stale == 0 {
            context.print("\(files.count) files up to date in \(displayPath)")
            return .success
        }
        context.printError("\(stale) of \(files.count) files out of date; run '\(CLI.toolName) schema --out \(displayPath)'")
        return .failure
    }

    static func display(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }
}

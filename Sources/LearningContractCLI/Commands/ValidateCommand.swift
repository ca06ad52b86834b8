import LearningContract

/// `learning-contract validate`: says whether payloads are valid request bodies and, if not, exactly which
/// documented error Graph would return and why.
public enum ValidateCommand: CLICommand {
    static let operations: [String: Operation] = [
        "create": .createActivity, "update": .updateActivity, "create-provider": .createProvider,
        "update-provider": .updateProvider, "upsert-content": .upsertContent,
    ]

    public static let spec = CommandSpec(
        name: "validate",
        abstract: "Validate request bodies and show the error Graph would return.",
        discussion: """
            Reads each PATH (or standard input when there is none, or for '-') as one JSON request body and \
            checks it against the contract: required fields per operation and @odata.type subtype, types, \
            enums, completionPercentage 0..100, length limits, date formats, unknown properties and duplicate \
            keys. Each violation names its JSON pointer, the rule, the documentation it comes from and the \
            Graph error row; an invalid body also shows the exact error body Graph would return. \
            With --jsonl every line is one body, streamed in constant memory. \
            Exit status: 0 all valid, 1 some invalid, 2 usage error or unreadable input.
            """,
        options: [
            .value("operation", short: "o", help: "The request the bodies are for.",
                   allowed: ["create", "update", "create-provider", "update-provider", "upsert-content"], default: "create"),
            .value("api-version", help: "The Graph API version (a few rules differ).", allowed: ["v1.0", "beta"], default: "v1.0"),
            .value("format", short: "f", help: "Output: text for people, json for one JSON object per body and line.", allowed: ["text", "json"], default: "text"),
            .flag("jsonl", help: "Treat every non-empty line as one body (JSON Lines)."),
            .flag("summary", help: "Print only the counts, at the single-pass validator's speed."),
            .flag("by-row", help: "With --summary, also count invalid bodies by the error row Graph would return (a full report for each invalid body: slower)."),
            .flag("quiet", short: "q", help: "Print nothing for valid bodies."),
        ] + ContractOptions.options,
        positionals: [PositionalSpec("PATH", help: "A file with one JSON body ('-' for standard input).", repeating: true, optional: true)],
        exclusiveGroups: ContractOptions.exclusiveGroups,
        examples: [
            .init("validate payload.json", "Check one create body."),
            .init("validate --operation update --strict patch.json", "Check an update body, rejecting documented variants."),
            .init("validate --jsonl --summary activities.jsonl", "Stream a large file and print only the counts."),
            .init("cat body.json | validate --format json", "Read standard input and print the report as JSON."),
        ]
    )

    public static func run(_ arguments: ParsedArguments, context: CLIContext) async -> ExitCode {
        let contract: Contract
        do { contract = try ContractOptions.contract(from: arguments, context: context) } catch { return CLI.report(error, context: context) }
        let operation = operations[arguments.value("operation") ?? "create"] ?? .createActivity
        let apiVersion = APIVersion(rawValue: arguments.value("api-version") ?? "v1.0") ?? .v1
        let session = ValidationSession(
            contract: contract, operation: operation, apiVersion: apiVersion, json: arguments.value("format") == "json",
            summaryOnly: arguments.flag("summary"), countRows: !arguments.flag("summary") || arguments.flag("by-row"),
            quiet: arguments.flag("quiet"), context: context)
        let paths = arguments.positionalValues("PATH").isEmpty ? ["-"] : arguments.positionalValues("PATH")
        var unreadable = false
        for path in paths {
            let name = context.displayName(for: path)
            do {
                if arguments.flag("jsonl") {
                    try streamLines(path, name: name, session: session, context: context)
                } else {
                    session.check(try context.readInput(path, limit: JSONReader.Limits.default.maxBytes + 1), name: name)
                }
            } catch {
                context.printError("cannot read \(name): \(error)")
                unreadable = true
            }
        }
        session.finish()
        if unreadable { return .usage }
        return session.invalid == 0 ? .success : .failure
    }
}

extension ValidateCommand {
    /// Streams JSON Lines in constant memory: files and a real standard input through `JSONLinesScanner`
    /// (lines handed out in place), any other input (tests) line by line.
    static func streamLines(_ path: String, name: String, session: ValidationSession, context: CLIContext) throws {
        let scanner = JSONLinesScanner()
        let visit: (JSONLinesScanner.Line) -> Bool = { line in
            let label = "\(name):\(line.number)"
            if line.isOverlong {
                session.overlong(byteCount: line.byteCount, name: label)
            } else if !line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                session.check(line.bytes, name: label)
            }
            return true
        }
        if path != "-" {
            try scanner.scan(path: context.resolve(path).path, visit)
        } else if let input = context.stdin as? FileDescriptorInput {
            try scanner.scan(fileDescriptor: input.fileDescriptor, visit)
        } else {
            var lines = context.stdin.lines(maxLineLength: scanner.maxLineLength)
            while let line = try lines.nextLineBytes() {
                let keepGoing = line.withUnsafeBytes { visit(JSONLinesScanner.Line(number: lines.lineNumber, bytes: $0, isOverlong: false, byteCount: line.count)) }
                if !keepGoing { break }
            }
        }
    }
}

/// Counts and prints the verdicts of one `validate` run.
final class ValidationSession {
    let contract: Contract
    let operation: Operation
    let apiVersion: APIVersion
    let json: Bool
    let summaryOnly: Bool
    /// Whether invalid bodies are counted by error row (needs their full report).
    let countRows: Bool
    let quiet: Bool
    let context: CLIContext
    let fast: FastValidator
    private(set) var valid = 0
    private(set) var invalid = 0
    private(set) var withVariants = 0
    private(set) var rows: [ErrorRow.ID: Int] = [:]

    init(
        contract: Contract, operation: Operation, apiVersion: APIVersion, json: Bool, summaryOnly: Bool, countRows: Bool,
        quiet: Bool, context: CLIContext
    ) {
        self.contract = contract
        self.operation = operation
        self.apiVersion = apiVersion
        self.json = json
        self.summaryOnly = summaryOnly
        self.countRows = countRows
        self.quiet = quiet
        self.context = context
        self.fast = FastValidator(contract: contract)
    }

    /// A line longer than the reader's size limit: invalid without reading it (`malformedBody`, too large).
    func overlong(byteCount: Int, name: String) {
        invalid += 1
        rows[.malformedBody, default: 0] += 1
        guard !summaryOnly else { return }
        context.print("\(name): invalid: the line is \(byteCount) bytes, over the \(JSONReader.Limits.default.maxBytes)-byte limit; not read")
    }

    /// Judges one body: the single-pass validator settles valid ones; everything else gets the full report
    /// (the two paths give identical reports; a test checks it).
    func check(_ bytes: some Collection<UInt8>, name: String) {
        // Counting only: the single pass settles almost every body, valid or invalid, without a report.
        if summaryOnly && !countRows {
            let triage = bytes.withContiguousStorageIfAvailable { fast.triage(UnsafeRawBufferPointer($0), operation: operation, apiVersion: apiVersion) }
            switch triage {
            case .valid: valid += 1; return
            case .invalid: invalid += 1; return
            case .undetermined, nil: break
            }
        }
        let report = contract.validateFast(bytes, operation: operation, apiVersion: apiVersion, using: fast)
        if report.isValid { valid += 1 } else { invalid += 1 }
        if !report.variants.isEmpty { withVariants += 1 }
        if countRows, let row = report.graphError?.row { rows[row, default: 0] += 1 }
        guard !summaryOnly, !(quiet && report.isValid) else { return }
        if json {
            var object: JSONObject = ["input": .string(name), "valid": .bool(report.isValid)]
            object["report"] = (try? JSONValue(encoding: report)) ?? .null
            if let error = report.graphError {
                object["status"] = .number(JSONNumber(error.status))
                object["graphError"] = error.body(innerError: nil)
            }
            context.print(JSONValue.object(object).serialized())
        } else {
            context.print(report.text(name: name))
        }
    }

    func finish() {
        let total = valid + invalid
        guard summaryOnly || total > 1 else { return }
        if json {
            var summary: JSONObject = [
                "payloads": .number(JSONNumber(total)), "valid": .number(JSONNumber(valid)), "invalid": .number(JSONNumber(invalid)),
            ]
            if countRows {
                summary["withVariants"] = .number(JSONNumber(withVariants))
                summary["errorRows"] = .object(JSONObject(rows.sorted { $0.key < $1.key }.map { .init(key: $0.key.rawValue, value: .number(JSONNumber($0.value))) }))
            }
            context.print(JSONValue.object(["summary": .object(summary)]).serialized())
            return
        }
        var line = "validated \(total) payload\(total == 1 ? "" : "s"): \(valid) valid, \(invalid) invalid"
        if withVariants > 0 && countRows { line += " (\(withVariants) with documented variants)" }
        context.print(line)
        for (row, count) in rows.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }).prefix(10) {
            context.print("  \(count) × \(row)")
        }
    }
}

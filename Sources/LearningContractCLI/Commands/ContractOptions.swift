import Foundation
import LearningContract

/// The options every contract-aware command shares: strictness and a contract file.
enum ContractOptions {
    static let options: [OptionSpec] = [
        .flag("strict", help: "Judge documented contradictions by the preferred reading only (see 'learning-contract ambiguities')."),
        .flag("lenient", help: "Accept every documented reading, reporting the others as variants (the default)."),
        .value("contract", valueName: "FILE", help: "A contract file: strictness per contradiction, length limits, unknown-property policy (Schemas/contract.schema.json)."),
    ]
    static let exclusiveGroups = [["strict", "lenient"]]

    /// The contract the command line asks for; a usage error (exit 2) when the contract file is unreadable or wrong.
    static func contract(from arguments: ParsedArguments, context: CLIContext) throws(UsageError) -> Contract {
        var configuration = ContractConfiguration.default
        if let path = arguments.value("contract") {
            let bytes: [UInt8]
            do { bytes = try context.readInput(path, limit: 1 << 20) } catch { throw UsageError("cannot read contract file: \(error)") }
            do {
                configuration = try StrictJSON.decode(ContractConfiguration.self, from: bytes)
            } catch {
                throw UsageError("contract file \(path) is not a valid contract: \(error)")
            }
            let problems = configuration.problems()
            if !problems.isEmpty { throw UsageError("contract file \(path): " + problems.joined(separator: "; ")) }
        }
        if arguments.flag("strict") { configuration.strictness = .strict }
        if arguments.flag("lenient") { configuration.strictness = .lenient }
        return Contract(configuration: configuration)
    }
}

// learning-bench: release-mode benchmarks, one subcommand each (`learning-bench <name> [options]`).
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let subcommands: [String: ([String]) -> Int32] = [
    "http-hello": HTTPHelloBenchmark.run,
    "validator": ValidatorBenchmark.run,
    "emulator": EmulatorBenchmark.run,
    "runner": RunnerBenchmark.run,
]

guard let name = arguments.first, let command = subcommands[name] else {
    let known = subcommands.keys.sorted().joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: learning-bench <subcommand> [options]; subcommands: \(known)\n".utf8))
    exit(2)
}
exit(command(Array(arguments.dropFirst())))

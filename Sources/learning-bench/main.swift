import Foundation

// learning-bench: release-mode benchmarks, one subcommand each; never part of `swift test`.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "validator":
    exit(ValidatorBenchmark.run(arguments: Array(arguments.dropFirst())))
default:
    FileHandle.standardError.write(Data("usage: learning-bench validator [options]   (see learning-bench validator --help)\n".utf8))
    exit(2)
}

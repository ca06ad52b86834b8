#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LearningContractCLI

// Everything lives in LearningContractCLI so it can be tested without a process.
let code = await CLI.main(CommandLine.arguments)
exit(code.rawValue)

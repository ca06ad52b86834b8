import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion from a test (python3, curl, openssl, the built `learning-contract`), bounded in time.
/// Output goes to temporary files, so a chatty child never blocks on a full pipe; on timeout the child is killed
/// with SIGKILL (a child started from a Dispatch worker inherits its blocked signal mask, so SIGTERM could stay pending).
public enum ProcessRunner {
    public struct Output: Sendable, Equatable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Whether the time limit killed it.
        public var timedOut: Bool

        public init(status: Int32, stdout: String, stderr: String, timedOut: Bool = false) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
            self.timedOut = timedOut
        }
    }

    public struct LaunchError: Error, CustomStringConvertible {
        public let description: String
    }

    /// `/usr/bin/env`, to find a program on `PATH` (`run(ProcessRunner.env, ["python3", ...])`).
    public static let env = URL(fileURLWithPath: "/usr/bin/env")

    /// Runs `executable` with `arguments`; `environment` replaces the inherited one when given (`NO_COLOR=1` is
    /// added to the inherited one otherwise, so output never depends on the terminal).
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, currentDirectory: URL? = nil,
        stdin: String? = nil, timeout: TimeInterval = 60
    ) throws -> Output {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("stdout"), errURL = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? outHandle.close(); try? errHandle.close() }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = outHandle
        process.standardError = errHandle
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        if let environment {
            process.environment = environment
        } else {
            var inherited = ProcessInfo.processInfo.environment
            inherited["NO_COLOR"] = "1"
            process.environment = inherited
        }
        let input = stdin.map { _ in Pipe() }
        process.standardInput = input ?? FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw LaunchError(description: "could not start \(executable.path) \(arguments.prefix(2)): \(error)")
        }
        if let input, let stdin {
            let bytes = Data(stdin.utf8)
            DispatchQueue.global().async {
                try? input.fileHandleForWriting.write(contentsOf: bytes)
                try? input.fileHandleForWriting.close()
            }
        }
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        return Output(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "",
            timedOut: timedOut
        )
    }

    /// The same run, awaited from a thread of its own: a test that waits minutes for a child (a whole `conform`
    /// run) must not hold one of the few threads Swift Testing runs every other test on.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, currentDirectory: URL? = nil,
        stdin: String? = nil, timeout: TimeInterval = 60
    ) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    try run(executable, arguments, environment: environment, currentDirectory: currentDirectory, stdin: stdin,
                            timeout: timeout) as Output
                })
            }
        }
    }

    /// Whether `python3 -c "import <module>"` works on this host.
    public static func pythonHas(_ module: String) -> Bool {
        (try? run(env, ["python3", "-c", "import \(module)"], timeout: 30).status) == 0
    }
}

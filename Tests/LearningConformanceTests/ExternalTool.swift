import Foundation

/// Runs a tool from the test host (python3, the built `learning-contract`), bounded in time.
enum ExternalTool {
    struct Output { var status: Int32; var stdout: String; var stderr: String }

    static func run(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                    currentDirectory: URL? = nil, timeout: TimeInterval = 60) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        // Read while waiting so a full pipe never blocks the child.
        let outData = DataBox(), errData = DataBox()
        let group = DispatchGroup()
        for (pipe, box) in [(out, outData), (err, errData)] {
            group.enter()
            DispatchQueue.global().async { box.data = pipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        }
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        group.wait()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData.data, as: UTF8.self),
                      stderr: String(decoding: errData.data, as: UTF8.self))
    }

    final class DataBox: @unchecked Sendable { var data = Data() }

    static let python: URL = URL(fileURLWithPath: "/usr/bin/env")

    /// Whether `python3 -c "import <module>"` works on this host.
    static func pythonHas(_ module: String) -> Bool {
        (try? run(python, ["python3", "-c", "import \(module)"], timeout: 30).status) == 0
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `learning-contract` executable: next to the test bundle, or in `.build/debug`.
    static var learningContract: URL? {
        var candidates: [URL] = []
        if let runner = CommandLine.arguments.first.map({ URL(fileURLWithPath: $0) }) {
            candidates.append(runner.deletingLastPathComponent().appendingPathComponent("learning-contract"))
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("learning-contract"))
        candidates.append(packageRoot.appendingPathComponent(".build/debug/learning-contract"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

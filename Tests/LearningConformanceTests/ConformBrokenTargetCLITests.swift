import Foundation
import LearningTestSupport
import Testing

/// `learning-contract conform`, the built executable, against every kind of `BrokenTarget`: it ends within its
/// budgets with exit 1 or 3 and a summary, and its peak memory (measured by `/usr/bin/time -v`) stays under
/// 256 MiB. `LEARNING_BROKEN_FULL=1` runs the whole suite per mode (the figures in the README); by default a
/// slice of it, to keep `swift test` short.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ConformBrokenTargetCLITests {
    static let time = URL(fileURLWithPath: "/usr/bin/time")
    static let full = ProcessInfo.processInfo.environment["LEARNING_BROKEN_FULL"] == "1"

    static let budgets = ["--timeout", "2", "--max-retry-wait", "2", "--throttle-budget", "3", "--step-timeout", "20", "--scenario-timeout", "60"]

    /// The full 340,000 members here: the executable's peak memory is the figure that matters.
    static let modes = BrokenTargetTests.everyKind.map { mode -> BrokenTarget.Mode in
        if case .manyMembers = mode { return .manyMembers(count: 340_000) }
        return mode
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: time.path), "/usr/bin/time is not installed (apt-get install time)"),
          arguments: modes)
    func conformEndsWithExit1Or3UnderTheMemoryBudget(_ mode: BrokenTarget.Mode) async throws {
        guard let tool = Executable.learningContract else {
            Issue.record("learning-contract is not built (swift build)")
            return
        }
        let target = try BrokenTarget(mode)
        defer { target.stop() }
        let filter = Self.full ? [] : ["--filter", "example-1"]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let output = try await ProcessRunner.run(
            Self.time, ["-v", tool.path, "conform", "--base-url", target.baseURL.absoluteString] + Self.budgets + filter,
            environment: environment, currentDirectory: Repository.root, timeout: 280)
        #expect([1, 3].contains(output.status), "\(mode): exit \(output.status)\n\(output.stdout.suffix(2000))\n\(output.stderr.suffix(2000))")
        #expect(output.stdout.contains("conform: ") && output.stdout.contains(" scenarios: "), "\(mode): no summary")
        #expect(output.stdout.utf8.count < 2 << 20, "\(mode): \(output.stdout.utf8.count) bytes of output")
        let rss = output.stderr.split(separator: "\n").first { $0.contains("Maximum resident set size") }
            .flatMap { $0.split(separator: ":").last }.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let kilobytes = try #require(rss, "no figure from /usr/bin/time: \(output.stderr.suffix(500))")
        let wall = output.stderr.split(separator: "\n").first { $0.contains("Elapsed (wall clock)") } ?? ""
        print("conform against \(mode): exit \(output.status), peak RSS \(kilobytes / 1024) MiB, \(wall.trimmingCharacters(in: .whitespaces))")
        #expect(kilobytes < 256 * 1024, "\(mode): peak RSS \(kilobytes) KiB")
    }
}

/// The transport options: what is refused before anything is sent, with exit 2 and a message naming the problem.
@Suite(.timeLimit(.minutes(2))) struct ConformTransportOptionTests {
    @Test(arguments: [
        (["--base-url", "http://127.0.0.1:1/"], "no version segment"),
        (["--base-url", "http://127.0.0.1:1/graph"], "ends with /v1.0 or /beta"),
        (["--base-url", "http://127.0.0.1:1/v1.0", "--cacert", "/nonexistent/ca.pem"], "/nonexistent/ca.pem: cannot read"),
        (["--base-url", "https://127.0.0.1:1/v1.0", "--cacert", "Conformance/roles.json"], "no PEM certificate"),
        (["--base-url", "http://127.0.0.1:1/v1.0", "-H", "no colon"], "'Name: value'"),
        (["--base-url", "http://127.0.0.1:1/v1.0", "-H", "Authorization: Bearer x"], "--token"),
        (["--base-url", "http://127.0.0.1:1/v1.0", "--rate-limit", "fast"], "--rate-limit"),
        (["--base-url", "http://127.0.0.1:1/v1.0", "--rate-limit", "0/s"], "--rate-limit"),
        (["--base-url", "http://127.0.0.1:1/v1.0", "--throttle-budget", "-1"], "--throttle-budget"),
        (["--base-url", "http://127.0.0.1:1/v1.0", "--step-timeout", "0"], "--step-timeout"),
    ])
    func refusedWithExit2(_ arguments: [String], _ message: String) async throws {
        let output = try await ConformCommandTests.run(arguments, environment: ["NO_COLOR": "1"])
        #expect(output.status == 2, "\(arguments): \(output.stdout)\n\(output.stderr)")
        #expect(output.stderr.contains(message), "\(arguments): \(output.stderr)")
    }

    @Test func sslCertFileIsTheDefaultCAFileAndIsCheckedLikeCacert() async throws {
        let output = try await ConformCommandTests.run(["--base-url", "https://127.0.0.1:1/v1.0"],
                                                 environment: ["NO_COLOR": "1", "SSL_CERT_FILE": "Conformance/roles.json"])
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr.contains("SSL_CERT_FILE") && output.stderr.contains("no PEM certificate"), "\(output.stderr)")
        // --cacert wins over the variable.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cacert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("ca.pem")
        try Data("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".utf8).write(to: file)
        let overridden = try await ConformCommandTests.run(["--base-url", "https://127.0.0.1:1/v1.0", "--cacert", file.path],
                                                     environment: ["NO_COLOR": "1", "SSL_CERT_FILE": "Conformance/roles.json"])
        #expect(overridden.status == 3, "\(overridden.stderr)")  // port 1: unreachable, not a usage error
    }

    @Test func insecureIsHonouredWithAWarning() async throws {
        let output = try await ConformCommandTests.run(["--base-url", "https://127.0.0.1:1/v1.0", "--insecure"], environment: ["NO_COLOR": "1"])
        #expect(output.status == 3, "\(output.stderr)")
        #expect(output.stderr.contains("warning: --insecure"), "\(output.stderr)")
    }
}

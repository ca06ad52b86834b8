import Foundation
import LearningContractCLI
import LearningContract
import LearningEmulator
import Testing

/// `serve` is safe by default (README "Admin endpoint"): a non-loopback --host needs --no-admin or --admin-token.
@Suite struct ServeCommandTests {
    @Test(arguments: ["0.0.0.0", "::", "192.168.1.10"])
    func nonLoopbackHostIsRefusedWithTheAdminEndpointOpen(_ host: String) async {
        let run = await CLI.capture(["serve", "--host", host, "--port", "0"])
        #expect(run.exitCode == .usage)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("refusing to serve on '\(host)'"))
        #expect(run.stderr.contains("--no-admin"))
        #expect(run.stderr.contains("--admin-token"))
    }

    static func configuration(_ tokens: [String]) throws -> EmulatorConfiguration {
        let arguments = try ArgumentParser.parse(tokens, spec: ServeCommand.spec)
        return try ServeCommand.emulatorConfiguration(arguments, context: CLIContext(stdout: CapturedOutput(), stderr: CapturedOutput()))
    }

    @Test func adminOffOrProtectedAllowsAnyHost() throws {
        #expect(try Self.configuration(["--host", "0.0.0.0", "--no-admin"]).admin == .disabled)
        #expect(try Self.configuration(["--host", "0.0.0.0", "--admin-token", "s3cret"]).admin == .token("s3cret"))
        #expect(try Self.configuration([]).admin == .loopbackOnly)
        #expect(throws: UsageError.self) { try Self.configuration(["--admin-token", "two words"]) }
        #expect(throws: UsageError.self) { try Self.configuration(["--no-admin", "--admin-token", "x"]) }
    }

    /// `--wire-spelling` picks how responses spell the external id; absent, the contract file's `wireSpelling`, else csdl.
    @Test func wireSpellingOption() throws {
        #expect(try Self.configuration([]).contract.wireSpelling == .csdl)
        #expect(try Self.configuration(["--wire-spelling", "docs"]).contract.wireSpelling == .docs)
        #expect(try Self.configuration(["--wire-spelling", "csdl", "--strict"]).contract.wireSpelling == .csdl)
        #expect(throws: UsageError.self) { try Self.configuration(["--wire-spelling", "metadata"]) }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wire-spelling-\(UUID().uuidString).json")
        try Data(#"{"wireSpelling": "docs"}"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try Self.configuration(["--contract", file.path]).contract.wireSpelling == .docs)
        #expect(try Self.configuration(["--contract", file.path, "--wire-spelling", "csdl"]).contract.wireSpelling == .csdl)
    }

    @Test func idSeedOption() throws {
        #expect(try Self.configuration([]).idSeed == nil)
        #expect(try Self.configuration(["--id-seed", "20261129"]).idSeed == 20261129)
        #expect(try Self.configuration(["--id-seed", "0"]).idSeed == 0)
        #expect(throws: UsageError.self) { try Self.configuration(["--id-seed", "-1"]) }
        #expect(throws: UsageError.self) { try Self.configuration(["--id-seed", "seven"]) }
    }

    @Test func startSaysWhatIsExposed() throws {
        let origin = "http://127.0.0.1:8080"
        let open = ServeCommand.exposure(try Self.configuration([]), origin: origin)
        #expect(open == [
            "API: http://127.0.0.1:8080/v1.0 and http://127.0.0.1:8080/beta (unsecured test tokens from 'learning-contract token' accepted)",
            "Admin endpoint: on at http://127.0.0.1:8080/_emulator, no secret, loopback Host only (--admin-token or --no-admin to change)",
        ])
        #expect(ServeCommand.exposure(try Self.configuration(["--no-admin"]), origin: origin).last == "Admin endpoint: off (--no-admin)")
        #expect(ServeCommand.exposure(try Self.configuration(["--admin-token", "x"]), origin: origin).last
                == "Admin endpoint: on at http://127.0.0.1:8080/_emulator, protected by the --admin-token secret")
    }
}

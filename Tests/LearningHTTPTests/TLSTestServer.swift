import Foundation
#if canImport(Glibc)
import Glibc
import LearningTestSupport
#endif

/// A throwaway CA, a server certificate it signed (SAN: localhost, 127.0.0.1), and `openssl s_server -WWW`
/// serving `hello.txt` from the same temporary directory. Needs the `openssl` command; tests that use it are
/// disabled (visibly, as skipped) where it is missing.
final class TLSTestServer: @unchecked Sendable {
    static let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let body = "hello over tls"

    let directory: URL
    let port: Int
    private let process: Process

    var caFile: String { directory.appendingPathComponent("ca.pem").path }
    /// A second CA that signed nothing this server presents.
    var otherCAFile: String { directory.appendingPathComponent("other-ca.pem").path }
    var url: URL { URL(string: "https://127.0.0.1:\(port)/v1.0")! }

    init() throws {
        guard let openssl = Self.openssl else { throw TLSTestServerError("openssl not found") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(Self.body.utf8).write(to: directory.appendingPathComponent("hello.txt"))
        try Data("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n".utf8)
            .write(to: directory.appendingPathComponent("server.ext"))
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        for arguments in [
            ["req", "-x509"] + ec + ["-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=LearningHTTP test CA",
                                     "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign"],
            ["req", "-x509"] + ec + ["-keyout", "other-ca.key", "-out", "other-ca.pem", "-days", "2", "-subj", "/CN=Another CA"],
            ["req"] + ec + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"],
            ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
             "-days", "2", "-extfile", "server.ext"],
        ] {
            try Self.run(openssl, arguments, in: directory)
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = ["s_server", "-accept", "127.0.0.1:0", "-cert", "server.pem", "-key", "server.key", "-WWW"]
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // s_server prints "ACCEPT 127.0.0.1:PORT" once it listens.
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT ") }), let colon = line.lastIndex(of: ":") {
                found = Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
        }
        guard let found else {
            kill(process.processIdentifier, SIGKILL)
            throw TLSTestServerError("openssl s_server did not start: \(text)")
        }
        port = found
    }

    /// SIGKILL: a child started from a Dispatch worker thread inherits its blocked signal mask, so SIGTERM
    /// (`Process.terminate`) would stay pending and `waitUntilExit` would never return.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { usleep(10_000) }
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private static func run(_ executable: String, _ arguments: [String], in directory: URL) throws {
        let run = try ProcessRunner.run(URL(fileURLWithPath: executable), arguments, currentDirectory: directory, timeout: 60)
        guard run.status == 0 else {
            throw TLSTestServerError("openssl \(arguments.prefix(2).joined(separator: " ")): \(run.stderr)")
        }
    }
}

struct TLSTestServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

import Foundation
import LearningConformance
import LearningEmulator
import LearningHTTP

/// The reference emulator started in-process on a free loopback port (Conformance/STATE.md): the default
/// target of `learning-contract conform`, so the suite runs on a fresh clone with no setup. It reaches the runner
/// only through the runner's own `HTTPTransport` and `FreshTenantWorld`, so LearningConformance never imports it.
public final class EmbeddedEmulator: Sendable {
    public let server: EmulatorServer
    /// `http://127.0.0.1:{port}/v1.0`.
    public let baseURL: URL

    /// Starts the seeded docs world on `127.0.0.1`, port 0 (the system picks a free one).
    public init(configuration: EmulatorConfiguration = EmulatorConfiguration(host: "127.0.0.1", port: 0)) throws {
        let server = try EmulatorServer(configuration: configuration)
        let port = try server.start()
        guard let url = URL(string: "http://\(configuration.host):\(port)/v1.0") else {
            server.shutdown()
            throw EmbeddedEmulatorError(message: "no URL for \(configuration.host):\(port)")
        }
        self.server = server
        self.baseURL = url
    }

    public var emulator: Emulator { server.emulator }

    public func stop() { server.shutdown() }

    /// The emulator as an in-memory transport (no sockets): the same behaviour, for fast tests.
    public static func inMemoryTransport(_ emulator: Emulator) -> InMemoryTransport {
        InMemoryTransport { request in emulator.handle(request) }
    }
}

public struct EmbeddedEmulatorError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

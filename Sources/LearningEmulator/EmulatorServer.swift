import LearningContract
import LearningHTTP

/// The emulator behind the package's HTTP/1.1 server: what `learning-contract serve` runs and what the
/// conformance runner embeds (Conformance/STATE.md, "Embedded start").
///
/// ```swift
/// let server = try EmulatorServer(configuration: EmulatorConfiguration(host: "127.0.0.1", port: 0))
/// let port = try server.start()   // base URL http://127.0.0.1:\(port)/v1.0
/// server.shutdown()
/// ```
public final class EmulatorServer: Sendable {
    public let emulator: Emulator
    private let server: HTTPServer
    /// What `serve --verify-clients` found; `nil` unless `verifyClients` was asked.
    public let clientLog: ClientViolationLog?

    /// Throws when the configuration cannot be served (a fault rule or page size out of range).
    /// `verifyClients`: judge every request against the contract (`ClientViolationLog`, `GET /_emulator/report`).
    public init(configuration: EmulatorConfiguration, http: HTTPServerConfiguration? = nil,
                verifyClients: Bool = false) throws(EmulatorConfigurationError) {
        try configuration.check()
        let emulator = Emulator(configuration: configuration)
        var httpConfiguration = http ?? HTTPServerConfiguration(host: configuration.host, port: configuration.port)
        httpConfiguration.host = configuration.host
        httpConfiguration.port = configuration.port
        httpConfiguration.errorResponder = { rejection in emulator.rejectionResponse(rejection) }
        self.emulator = emulator
        let clientLog = verifyClients ? ClientViolationLog(verifier: ClientVerifier(emulator: emulator)) : nil
        self.clientLog = clientLog
        self.server = HTTPServer(configuration: httpConfiguration) { request in
            clientLog?.handle(request, by: emulator, overNetwork: true) ?? emulator.handle(request, overNetwork: true)
        }
    }

    /// Binds and starts serving; returns the bound port (the real one when port 0 was asked).
    @discardableResult
    public func start() throws -> Int {
        let port = try server.start()
        emulator.boundPort.set(port)
        return port
    }

    public var port: Int { server.port }

    /// Stops accepting and finishes in-flight responses.
    public func shutdown() { server.shutdown() }

    public func waitUntilShutdown() { server.waitUntilShutdown() }
}

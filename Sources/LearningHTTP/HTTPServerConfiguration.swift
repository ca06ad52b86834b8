import Foundation

/// Everything an `HTTPServer` needs to know: where to listen, how long to wait, how much to accept.
public struct HTTPServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// `0` asks the kernel for an ephemeral port; `HTTPServer.start()` returns the real one.
    public var port = 0
    /// Request line plus header fields; beyond it the answer is 431.
    public var maxHeaderBytes = 16 * 1024
    /// Decoded request body; beyond it the answer is 413.
    public var maxBodyBytes = 4 * 1024 * 1024
    /// The whole head must arrive within this time after its first byte (slowloris defence); else 408.
    public var headerTimeout: Duration = .seconds(10)
    /// A keep-alive connection with nothing in flight is closed quietly after this time, counted from the end of the
    /// last response written. It is also the write timeout: a response being written is given up only when the client
    /// has accepted no byte of it for this long (a slow but steady reader gets it whole).
    public var idleTimeout: Duration = .seconds(30)
    /// The body must arrive within this time after the head; else 408.
    public var bodyTimeout: Duration = .seconds(30)
    /// Requests with a body of at least this many bytes are handled on a worker queue instead of the event loop,
    /// so a slow handler (say, validating a large invalid document) never holds up the loop's other connections.
    /// `0` offloads every request; `Int.max` none.
    public var offloadBodyBytes = 64 * 1024
    /// Connections beyond this are answered 503 and closed.
    public var maxConnections = 1024
    /// Event-loop threads.
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    /// Renders rejections, so an embedding service can use its own error envelope.
    public var errorResponder: @Sendable (HTTPServerRejection) -> HTTPResponse = HTTPServerConfiguration.defaultErrorResponse

    public init(host: String = "127.0.0.1", port: Int = 0) {
        self.host = host
        self.port = port
    }

    /// `{"error":{"code":"<status>","message":"<reason>"}}` as JSON.
    public static func defaultErrorResponse(_ rejection: HTTPServerRejection) -> HTTPResponse {
        var body = #"{"error":{"code":""#
        body += String(rejection.status)
        body += #"","message":""#
        body += jsonEscaped(rejection.reason)
        body += #""}}"#
        return HTTPResponse(status: rejection.status, headers: ["Content-Type": "application/json"], body: Array(body.utf8))
    }

    static func jsonEscaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

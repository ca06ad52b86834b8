/// Limits for `HTTPClient`.
public struct HTTPClientConfiguration: Sendable {
    /// Overall deadline per request: connect, write, and the whole response.
    public var timeout: Duration = .seconds(30)
    /// Head plus body; beyond it the request fails with `.responseTooLarge`.
    public var maxResponseBytes = 32 * 1024 * 1024
    /// A PEM file of CA certificates to trust for `https://` (`--cacert`), in addition to the system's: libcurl's
    /// CURLOPT_CAINFO, with CURLOPT_CAPATH on the system's hashed directory (`/etc/ssl/certs`).
    public var caFile: String?
    /// Skip verifying the `https://` peer's certificate and host name (`--insecure`: CURLOPT_SSL_VERIFYPEER and
    /// CURLOPT_SSL_VERIFYHOST off). Both are refused only when libcurl can't be loaded (URLSession can't do them).
    public var insecure = false

    public init(timeout: Duration = .seconds(30), maxResponseBytes: Int = 32 * 1024 * 1024) {
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }
}

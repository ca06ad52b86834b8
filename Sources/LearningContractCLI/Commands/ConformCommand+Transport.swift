import Foundation

extension ConformCommand {
    /// `-H`, `--rate-limit`, `--cacert` (or `SSL_CERT_FILE`) and `--insecure`, checked before anything is sent:
    /// a bad value is a usage error (exit 2) that names the option, the variable or the file.
    struct TransportOptions {
        var headers: [(name: String, value: String)] = []
        var requestsPerSecond: Double?
        var caFile: String?
        var insecure = false
        /// Headers the runner sets itself (framing, credentials per role): `-H` may not set them.
        static let reservedHeaders: Set<String> = ["authorization", "host", "content-length", "transfer-encoding", "connection"]

        init(_ arguments: ParsedArguments, environment: [String: String], resolve: (String) -> String) throws(UsageError) {
            for text in arguments.values("header") {
                guard let colon = text.firstIndex(of: ":") else {
                    throw UsageError("--header takes 'Name: value', got '\(text.prefix(80))'", commandName: ConformCommand.spec.name)
                }
                let name = String(text[..<colon]).trimmingCharacters(in: .whitespaces)
                let value = String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                let token = CharacterSet(charactersIn: "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
                guard !name.isEmpty, name.unicodeScalars.allSatisfy(token.contains) else {
                    throw UsageError("--header: '\(name.prefix(80))' is not a header name", commandName: ConformCommand.spec.name)
                }
                guard !value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) else {
                    throw UsageError("--header \(name): the value holds a control character", commandName: ConformCommand.spec.name)
                }
                guard !Self.reservedHeaders.contains(name.lowercased()) else {
                    let hint = name.lowercased() == "authorization" ? " (credentials go in --token ROLE=VALUE or LEARNING_CONTRACT_TOKEN_<ROLE>)" : ""
                    throw UsageError("--header: \(name) is set by the runner itself" + hint, commandName: ConformCommand.spec.name)
                }
                headers.append((name, value))
            }
            if let text = arguments.value("rate-limit") {
                let number = text.lowercased().hasSuffix("/s") ? String(text.dropLast(2)) : text
                guard let rate = Double(number.trimmingCharacters(in: .whitespaces)), rate.isFinite, rate > 0, rate <= 10_000 else {
                    throw UsageError("invalid value '\(text)' for '--rate-limit': expected requests per second, e.g. 5/s or 0.5/s (up to 10000/s)",
                                     commandName: ConformCommand.spec.name)
                }
                requestsPerSecond = rate
            }
            insecure = arguments.flag("insecure")
            // --cacert, else SSL_CERT_FILE (the variable OpenSSL and curl read for the same purpose), checked alike.
            let source: String?
            let path: String?
            if let given = arguments.value("cacert") {
                (source, path) = ("--cacert", resolve(given))
            } else if let file = environment["SSL_CERT_FILE"], !file.isEmpty {
                (source, path) = ("SSL_CERT_FILE", resolve(file))
            } else {
                (source, path) = (nil, nil)
            }
            if let source, let path {
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw UsageError("\(source) \(path): cannot read the file", commandName: ConformCommand.spec.name)
                }
                guard String(decoding: data, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
                    throw UsageError("\(source) \(path): no PEM certificate in the file (expected -----BEGIN CERTIFICATE-----)",
                                     commandName: ConformCommand.spec.name)
                }
                caFile = path
            }
        }
    }
}

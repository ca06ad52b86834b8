import Glibc

/// Turns an `HTTPResponse` into the bytes of one HTTP/1.1 message, ready for a single write.
///
/// The serializer owns the framing: it always writes its own `Content-Length` (dropping any the handler set,
/// along with `Transfer-Encoding` and `Connection`), adds `Date` unless present, and never writes a body for
/// 1xx, 204, 304 or a response to HEAD (RFC 9110 6.4.1). Fields whose name or value could break the framing
/// (CR, LF, NUL, a non-token name) are dropped rather than sent.
public enum HTTPResponseSerializer {
    /// The message for `response`; `keepAlive == false` adds `Connection: close`, and an HTTP/1.0 keep-alive
    /// connection (`minorVersion == 0`) gets `Connection: keep-alive`.
    public static func serialize(
        _ response: HTTPResponse, keepAlive: Bool, minorVersion: Int = 1, isHeadRequest: Bool = false, date: String
    ) -> [UInt8] {
        var out: [UInt8] = []
        append(response, keepAlive: keepAlive, minorVersion: minorVersion, isHeadRequest: isHeadRequest,
               date: Array(date.utf8), to: &out)
        return out
    }

    static func append(
        _ response: HTTPResponse, keepAlive: Bool, minorVersion: Int, isHeadRequest: Bool, date: [UInt8], to out: inout [UInt8]
    ) {
        let status = (100...999).contains(response.status) ? response.status : 500
        out.reserveCapacity(out.count + 128 + response.body.count + response.headers.count * 32)
        out.append(contentsOf: "HTTP/1.1 ".utf8)
        out.append(UInt8(48 + status / 100))
        out.append(UInt8(48 + status / 10 % 10))
        out.append(UInt8(48 + status % 10))
        out.append(32)
        out.append(contentsOf: HTTPResponse.reasonPhrase(for: status).utf8)
        out.append(contentsOf: crlf)
        var hasDate = false
        for field in response.headers {
            let name = field.name.utf8
            if equalsLowercase(name, "content-length") || equalsLowercase(name, "transfer-encoding")
                || equalsLowercase(name, "connection") {
                continue
            }
            guard isSafeName(name), isSafeValue(field.value.utf8) else { continue }
            if equalsLowercase(name, "date") { hasDate = true }
            out.append(contentsOf: name)
            out.append(contentsOf: ": ".utf8)
            out.append(contentsOf: field.value.utf8)
            out.append(contentsOf: crlf)
        }
        if !hasDate {
            out.append(contentsOf: "Date: ".utf8)
            out.append(contentsOf: date)
            out.append(contentsOf: crlf)
        }
        let bodyAllowed = status >= 200 && status != 204 && status != 304
        if bodyAllowed {
            out.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(response.body.count, to: &out)
            out.append(contentsOf: crlf)
        }
        if !keepAlive {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if minorVersion == 0 {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        out.append(contentsOf: crlf)
        if bodyAllowed && !isHeadRequest {
            out.append(contentsOf: response.body)
        }
    }

    private static let crlf: [UInt8] = [13, 10]

    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(48 + value))
            return
        }
        var digits: [UInt8] = []
        var rest = value
        while rest > 0 {
            digits.append(UInt8(48 + rest % 10))
            rest /= 10
        }
        out.append(contentsOf: digits.reversed())
    }

    static func equalsLowercase(_ bytes: String.UTF8View, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = lowercase.utf8Start
        var i = 0
        for var byte in bytes {
            if byte >= 65 && byte <= 90 { byte += 32 }
            if byte != expected[i] { return false }
            i += 1
        }
        return true
    }

    private static func isSafeName(_ name: String.UTF8View) -> Bool {
        !name.isEmpty && name.allSatisfy(HTTPRequestParser.isTokenByte)
    }

    private static func isSafeValue(_ value: String.UTF8View) -> Bool {
        value.allSatisfy { $0 >= 32 || $0 == 9 } && !value.contains(127)
    }

    /// An IMF-fixdate (RFC 9110 5.6.7), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    public static func httpDate(secondsSince1970 seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let day = days[Int(parts.tm_wday) % 7]
        let month = months[Int(parts.tm_mon) % 12]
        return "\(day), \(two(parts.tm_mday)) \(month) \(parts.tm_year + 1900) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}

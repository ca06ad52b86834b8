import Glibc

/// libcurl's easy interface, looked up at run time: `dlopen("libcurl.so.4")` and `dlsym`, no link dependency and
/// no C target. FoundationNetworking already loads the same system libcurl (with OpenSSL) for URLSession; this
/// gives `https://` what URLSession on Linux doesn't expose: a CA file (`CURLOPT_CAINFO`), skipping verification
/// (`CURLOPT_SSL_VERIFYPEER`/`VERIFYHOST`), and a blocking transfer that waits in poll(2) instead of spinning.
///
/// `curl_easy_setopt` and `curl_easy_getinfo` are variadic in C. They are called through fixed prototypes, one
/// per argument kind (`long`, a pointer, `curl_off_t`, a callback): on the x86_64 and arm64 System V ABIs (Linux)
/// a variadic callee reads an integer or pointer argument from the same register as a fixed one, so this is the
/// documented way to call them without a C shim. (Not valid on Apple arm64, where variadic arguments go on the
/// stack; this type is only used on Linux.)
///
/// The numeric constants are libcurl's stable ABI, from curl.h (libcurl 7.88.1, `/usr/include/x86_64-linux-gnu/curl/curl.h`,
/// Debian package libcurl4-openssl-dev): `CURLOPTTYPE_LONG` 0, `CURLOPTTYPE_OBJECTPOINT` (= `STRINGPOINT`,
/// `SLISTPOINT`, `CBPOINT`) 10000, `CURLOPTTYPE_FUNCTIONPOINT` 20000, `CURLOPTTYPE_OFF_T` 30000, plus each
/// option's number in its `CURLOPT(...)` line; `CURLINFO_LONG` 0x200000; the `CURLcode` enum's values.
struct Curl: @unchecked Sendable {
    /// `size_t (*)(char *ptr, size_t size, size_t nmemb, void *userdata)`: CURLOPT_WRITEFUNCTION and HEADERFUNCTION.
    typealias DataCallback = @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int

    let easyInit: @convention(c) () -> OpaquePointer?
    let easyReset: @convention(c) (OpaquePointer?) -> Void
    let easyCleanup: @convention(c) (OpaquePointer?) -> Void
    let easyPerform: @convention(c) (OpaquePointer?) -> Int32
    let setLong: @convention(c) (OpaquePointer?, Int32, Int) -> Int32
    let setPointer: @convention(c) (OpaquePointer?, Int32, UnsafeRawPointer?) -> Int32
    let setOffset: @convention(c) (OpaquePointer?, Int32, Int64) -> Int32
    let setCallback: @convention(c) (OpaquePointer?, Int32, DataCallback?) -> Int32
    let getLong: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<Int>?) -> Int32
    let slistAppend: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?
    let slistFreeAll: @convention(c) (OpaquePointer?) -> Void
    let easyStrerror: @convention(c) (Int32) -> UnsafePointer<CChar>?

    /// The process's libcurl, or nil when it cannot be loaded (then `https://` falls back to URLSession).
    static let shared: Curl? = load()

    static func load(library: String = "libcurl.so.4") -> Curl? {
        guard let handle = dlopen(library, RTLD_NOW | RTLD_LOCAL) else { return nil }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let address = dlsym(handle, name) else { return nil }
            return unsafeBitCast(address, to: type)
        }
        typealias GlobalInit = @convention(c) (Int) -> Int32
        guard let globalInit = symbol("curl_global_init", as: GlobalInit.self),
              let easyInit = symbol("curl_easy_init", as: (@convention(c) () -> OpaquePointer?).self),
              let easyReset = symbol("curl_easy_reset", as: (@convention(c) (OpaquePointer?) -> Void).self),
              let easyCleanup = symbol("curl_easy_cleanup", as: (@convention(c) (OpaquePointer?) -> Void).self),
              let easyPerform = symbol("curl_easy_perform", as: (@convention(c) (OpaquePointer?) -> Int32).self),
              let setLong = symbol("curl_easy_setopt", as: (@convention(c) (OpaquePointer?, Int32, Int) -> Int32).self),
              let setPointer = symbol("curl_easy_setopt", as: (@convention(c) (OpaquePointer?, Int32, UnsafeRawPointer?) -> Int32).self),
              let setOffset = symbol("curl_easy_setopt", as: (@convention(c) (OpaquePointer?, Int32, Int64) -> Int32).self),
              let setCallback = symbol("curl_easy_setopt", as: (@convention(c) (OpaquePointer?, Int32, DataCallback?) -> Int32).self),
              let getLong = symbol("curl_easy_getinfo", as: (@convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<Int>?) -> Int32).self),
              let slistAppend = symbol("curl_slist_append", as: (@convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?).self),
              let slistFreeAll = symbol("curl_slist_free_all", as: (@convention(c) (OpaquePointer?) -> Void).self),
              let easyStrerror = symbol("curl_easy_strerror", as: (@convention(c) (Int32) -> UnsafePointer<CChar>?).self)
        else {
            dlclose(handle)
            return nil
        }
        // curl_global_init is reference-counted and thread-safe in libcurl ≥ 7.84; FoundationNetworking may have
        // called it too. CURL_GLOBAL_ALL = 3 (curl.h).
        guard globalInit(3) == 0 else { return nil }
        return Curl(easyInit: easyInit, easyReset: easyReset, easyCleanup: easyCleanup, easyPerform: easyPerform,
                    setLong: setLong, setPointer: setPointer, setOffset: setOffset, setCallback: setCallback,
                    getLong: getLong, slistAppend: slistAppend, slistFreeAll: slistFreeAll, easyStrerror: easyStrerror)
    }

    /// `curl_easy_strerror(code)`.
    func text(_ code: Int32) -> String {
        easyStrerror(code).map { String(cString: $0) } ?? "libcurl error \(code)"
    }

    /// Option numbers (curl.h, `CURLOPT(name, type, number)` = type base + number).
    enum Option {
        static let writeData: Int32 = 10_001            // CURLOPT_WRITEDATA, CBPOINT, 1
        static let url: Int32 = 10_002                  // CURLOPT_URL, STRINGPOINT, 2
        static let errorBuffer: Int32 = 10_010          // CURLOPT_ERRORBUFFER, OBJECTPOINT, 10
        static let writeFunction: Int32 = 20_011        // CURLOPT_WRITEFUNCTION, FUNCTIONPOINT, 11
        static let postFields: Int32 = 10_015           // CURLOPT_POSTFIELDS, OBJECTPOINT, 15
        static let httpHeader: Int32 = 10_023           // CURLOPT_HTTPHEADER, SLISTPOINT, 23
        static let headerData: Int32 = 10_029           // CURLOPT_HEADERDATA, CBPOINT, 29
        static let customRequest: Int32 = 10_036        // CURLOPT_CUSTOMREQUEST, STRINGPOINT, 36
        static let noBody: Int32 = 44                   // CURLOPT_NOBODY, LONG, 44
        static let followLocation: Int32 = 52           // CURLOPT_FOLLOWLOCATION, LONG, 52
        static let sslVerifyPeer: Int32 = 64            // CURLOPT_SSL_VERIFYPEER, LONG, 64
        static let caInfo: Int32 = 10_065               // CURLOPT_CAINFO, STRINGPOINT, 65
        static let headerFunction: Int32 = 20_079       // CURLOPT_HEADERFUNCTION, FUNCTIONPOINT, 79
        static let sslVerifyHost: Int32 = 81            // CURLOPT_SSL_VERIFYHOST, LONG, 81
        static let httpVersion: Int32 = 84              // CURLOPT_HTTP_VERSION, VALUES, 84
        static let caPath: Int32 = 10_097               // CURLOPT_CAPATH, STRINGPOINT, 97
        static let noSignal: Int32 = 99                 // CURLOPT_NOSIGNAL, LONG, 99
        static let postFieldSizeLarge: Int32 = 30_120   // CURLOPT_POSTFIELDSIZE_LARGE, OFF_T, 120
        static let timeoutMilliseconds: Int32 = 155     // CURLOPT_TIMEOUT_MS, LONG, 155
        static let connectTimeoutMilliseconds: Int32 = 156  // CURLOPT_CONNECTTIMEOUT_MS, LONG, 156
        static let pathAsIs: Int32 = 234                // CURLOPT_PATH_AS_IS, LONG, 234
    }

    /// `CURL_HTTP_VERSION_1_1` (curl.h: NONE 0, 1_0 1, 1_1 2).
    static let httpVersion11 = 2
    /// `CURLINFO_RESPONSE_CODE` = `CURLINFO_LONG` (0x200000) + 2 (curl.h).
    static let infoResponseCode: Int32 = 0x200002
    /// `CURL_ERROR_SIZE` (curl.h): the size CURLOPT_ERRORBUFFER must have.
    static let errorBufferSize = 256

    /// `CURLcode` values used to map errors (curl.h, `typedef enum { ... } CURLcode`).
    enum Code {
        static let unsupportedProtocol: Int32 = 1
        static let urlMalformat: Int32 = 3
        static let couldntResolveProxy: Int32 = 5
        static let couldntResolveHost: Int32 = 6
        static let couldntConnect: Int32 = 7
        static let weirdServerReply: Int32 = 8
        static let partialFile: Int32 = 18
        static let writeError: Int32 = 23
        static let operationTimedOut: Int32 = 28
        static let sslConnectError: Int32 = 35
        static let gotNothing: Int32 = 52
        static let sendError: Int32 = 55
        static let recvError: Int32 = 56
        static let sslCertProblem: Int32 = 58
        static let peerFailedVerification: Int32 = 60
        static let badContentEncoding: Int32 = 61
        static let sslCACertBadFile: Int32 = 77
        static let sslIssuerError: Int32 = 83
        static let sslPinnedPubKeyNotMatch: Int32 = 90
        static let sslInvalidCertStatus: Int32 = 91
        /// Codes where the peer's certificate was not accepted (51 is the pre-7.62 name of 60's host mismatch).
        static let untrustedPeer: Set<Int32> = [51, 60, 83, 90, 91]
        /// Other TLS-layer failures: engine, cipher, shutdown, CRL.
        static let otherTLS: Set<Int32> = [53, 54, 59, 64, 66, 80, 82, 98]
    }
}

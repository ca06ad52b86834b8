import Foundation

/// Parsed test tokens by their text, so a client that repeats its token (every client) pays for base64 and
/// JSON once. Expiry is still checked on every hit. Bounded: cleared when it grows past `capacity`.
final class TokenCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: TestToken.Claims] = [:]
    private let capacity = 4096

    func claims(for token: Substring) -> TestToken.Claims? {
        claims(for: String(token))
    }

    func claims(for token: String) -> TestToken.Claims? {
        let now = Date()
        lock.lock()
        let cached = entries[token]
        lock.unlock()
        if let cached {
            if let exp = cached.expiresAt, exp <= Int(now.timeIntervalSince1970) { return nil }
            return cached
        }
        guard let claims = TestToken.parse(token, now: now) else { return nil }
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[token] = claims
        lock.unlock()
        return claims
    }
}

import LearningContract
import Foundation

/// Parsed test tokens by their text, so a client that repeats its token (every client) pays for base64 and
/// JSON once. Expiry is still checked on every hit. Bounded: cleared when it grows past `capacity`.
final class TokenCache: @unchecked Sendable {
    private let lock = NSLock()
    /// By the token's bytes: two tokens that are canonically equivalent strings are still different tokens.
    private var entries: [ExactKey: TestToken.Claims] = [:]
    private let capacity = 4096
    private var recent: [(token: String, claims: TestToken.Claims?)] = Array(repeating: ("", nil), count: 4)
    private var nextRecent = 0

    func claims(for token: Substring) -> TestToken.Claims? {
        claims(for: String(token))
    }

    func claims(for token: String) -> TestToken.Claims? {
        let now = Date()
        lock.lock()
        // Clients repeat one token: comparing with the last few is cheaper than hashing ~500 bytes.
        var cached = recent.first { ExactKey.same($0.token, token) }?.claims
        if cached == nil, let hit = entries[ExactKey(token)] {
            cached = hit
            recent[nextRecent] = (token, hit)
            nextRecent = (nextRecent + 1) % recent.count
        }
        lock.unlock()
        if let cached {
            if let exp = cached.expiresAt, exp <= Int(now.timeIntervalSince1970) { return nil }
            return cached
        }
        guard let claims = TestToken.parse(token, now: now) else { return nil }
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[ExactKey(token)] = claims
        recent[nextRecent] = (token, claims)
        nextRecent = (nextRecent + 1) % recent.count
        lock.unlock()
        return claims
    }
}

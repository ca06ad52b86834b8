import Foundation

/// What all scenarios of one run share: the throttling budget, the request pace (`--rate-limit`), and whether
/// the target stopped answering. One lock, touched a few times per request.
final class RunBudget: @unchecked Sendable {
    private let lock = NSLock()
    private var throttleLeft: Duration
    private var throttledOut = false
    private var down: String?
    private var nextSlot: ContinuousClock.Instant?
    private let spacing: Duration?
    let throttleBudget: Duration

    init(throttleBudget: Duration, requestsPerSecond: Double?) {
        self.throttleBudget = throttleBudget
        self.throttleLeft = throttleBudget
        if let rate = requestsPerSecond, rate > 0, rate.isFinite {
            spacing = .nanoseconds(Int64(min(1e9 / rate, 3.6e12)))
        } else {
            spacing = nil
        }
    }

    private func locked<T>(_ body: () -> T) -> T { lock.lock(); defer { lock.unlock() }; return body() }

    /// Takes `wait` from the run's throttling budget; false (and the run is throttled out) when it doesn't fit.
    func spendThrottle(_ wait: Duration) -> Bool {
        locked {
            guard !throttledOut, wait <= throttleLeft else { throttledOut = true; return false }
            throttleLeft -= wait
            return true
        }
    }

    var isThrottledOut: Bool { locked { throttledOut } }

    /// Records that the target stopped answering (a timeout or a refused connection mid-run).
    func markDown(_ reason: String) { locked { if down == nil { down = reason } } }
    var downReason: String? { locked { down } }

    /// How long to wait before the next request so requests are at least `1 / rate` apart; reserves the slot.
    func reserveSlot() -> Duration {
        guard let spacing else { return .zero }
        return locked {
            let now = ContinuousClock.now
            let slot = max(now, nextSlot ?? now)
            nextSlot = slot + spacing
            return slot - now
        }
    }
}

import Foundation
import LearningContract

/// The global fault rules and their counters behind a lock.
final class FaultInjector: @unchecked Sendable {
    private let lock = NSLock()
    private var schedule: FaultSchedule
    let isEmpty: Bool

    init(_ rules: [FaultRule]) {
        schedule = FaultSchedule(rules)
        isEmpty = rules.isEmpty
    }

    func next(operation: Operation, method: String, answered: Bool = false) -> FaultDecision? {
        if isEmpty { return nil }
        lock.lock()
        defer { lock.unlock() }
        return schedule.next(operation: operation, method: method, answered: answered)
    }

    func reset(_ rules: [FaultRule]) {
        lock.lock()
        defer { lock.unlock() }
        schedule = FaultSchedule(rules)
    }
}

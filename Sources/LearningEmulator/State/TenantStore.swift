import Foundation
import LearningContract

/// One tenant's state behind a lock. Only dictionary work happens under the lock; JSON is rendered outside.
/// `@unchecked Sendable` is sound because every access to `state` goes through `lock`.
final class TenantStore: @unchecked Sendable {
    private let lock = NSLock()
    private var state: TenantState

    init(_ state: TenantState) { self.state = state }

    func read<T>(_ body: (TenantState) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(state)
    }

    func write<T>(_ body: (inout TenantState) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}

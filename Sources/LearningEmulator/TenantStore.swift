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

/// The tenants by id. Tenants are isolated: every request reaches only the store of its token's `tid`.
/// A tenant nobody has written to reads as empty without being created.
final class TenantRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var tenants: [String: TenantStore] = [:]

    func existing(_ tenantID: String) -> TenantStore? {
        lock.lock()
        defer { lock.unlock() }
        return tenants[tenantID]
    }

    func store(_ tenantID: String) -> TenantStore {
        lock.lock()
        defer { lock.unlock() }
        if let store = tenants[tenantID] { return store }
        let store = TenantStore(TenantState())
        tenants[tenantID] = store
        return store
    }

    func replace(_ tenantID: String, with state: TenantState) {
        lock.lock()
        defer { lock.unlock() }
        tenants[tenantID] = TenantStore(state)
    }

    @discardableResult
    func remove(_ tenantID: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return tenants.removeValue(forKey: tenantID) != nil
    }

    func replaceAll(_ states: [String: TenantState]) {
        lock.lock()
        defer { lock.unlock() }
        tenants = states.mapValues { TenantStore($0) }
    }

    var tenantIDs: [String] {
        lock.lock()
        defer { lock.unlock() }
        return tenants.keys.sorted()
    }
}

/// The global fault rules and their counters behind a lock.
final class FaultInjector: @unchecked Sendable {
    private let lock = NSLock()
    private var schedule: FaultSchedule
    let isEmpty: Bool

    init(_ rules: [FaultRule]) {
        schedule = FaultSchedule(rules)
        isEmpty = rules.isEmpty
    }

    func next(operation: Operation, method: String) -> FaultDecision? {
        if isEmpty { return nil }
        lock.lock()
        defer { lock.unlock() }
        return schedule.next(operation: operation, method: method)
    }

    func reset(_ rules: [FaultRule]) {
        lock.lock()
        defer { lock.unlock() }
        schedule = FaultSchedule(rules)
    }
}

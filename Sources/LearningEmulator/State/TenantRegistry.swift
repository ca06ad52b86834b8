import LearningContract
import Foundation

/// The tenants by id. Tenants are isolated: every request reaches only the store of its token's `tid`.
/// A tenant nobody has written to reads as empty without being created.
final class TenantRegistry: @unchecked Sendable {
    private let lock = NSLock()
    /// By the `tid`'s bytes: canonically equivalent but different tenant ids are different tenants.
    private var tenants: [ExactKey: TenantStore] = [:]

    func existing(_ tenantID: String) -> TenantStore? {
        lock.lock()
        defer { lock.unlock() }
        return tenants[ExactKey(tenantID)]
    }

    func store(_ tenantID: String) -> TenantStore {
        lock.lock()
        defer { lock.unlock() }
        let key = ExactKey(tenantID)
        if let store = tenants[key] { return store }
        let store = TenantStore(TenantState())
        tenants[key] = store
        return store
    }

    func replace(_ tenantID: String, with state: TenantState) {
        lock.lock()
        defer { lock.unlock() }
        tenants[ExactKey(tenantID)] = TenantStore(state)
    }

    @discardableResult
    func remove(_ tenantID: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return tenants.removeValue(forKey: ExactKey(tenantID)) != nil
    }

    func replaceAll(_ states: [ExactKey: TenantState]) {
        lock.lock()
        defer { lock.unlock() }
        tenants = states.mapValues { TenantStore($0) }
    }

    var tenantIDs: [ExactKey] {
        lock.lock()
        defer { lock.unlock() }
        return tenants.keys.sorted()
    }
}

import Foundation

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

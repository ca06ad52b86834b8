extension OperationPermission {
    /// What a token needs to call one operation under a configuration: the row's scopes and roles (plus the lenient
    /// roles while the row's ambiguity is lenient), as sets for the per-request check. An operation without a row
    /// is refused to every token.
    public struct Grant: Sendable, Hashable {
        /// Accepted delegated scopes; empty = delegated tokens are refused (403 `permissionScopeMissing`).
        public var delegated: Set<ExactKey>
        /// Accepted application roles; empty = application tokens are refused.
        public var application: Set<ExactKey>

        /// Whether any one of the token's scopes (delegated) or roles (application) is accepted. Names are compared
        /// by their bytes.
        public func allows(_ claims: TestToken.Claims) -> Bool {
            switch claims.kind {
            case .delegated(let scopes): scopes.contains { delegated.contains(ExactKey($0)) }
            case .application(let roles): roles.contains { application.contains(ExactKey($0)) }
            }
        }
    }

    /// The grant for `operation` under `configuration`, from `documented`.
    public static func grant(for operation: Operation, configuration: ContractConfiguration) -> Grant {
        guard let row = documented(for: operation) else { return Grant(delegated: [], application: []) }
        let delegated: [ExactKey] = row.delegated.map { ExactKey($0) }
        let application: [ExactKey] = row.applicationRoles(under: configuration).map { ExactKey($0) }
        return Grant(delegated: Set(delegated), application: Set(application))
    }
}

import Foundation

extension Contract {
    /// The same report as `validate(_:operation:apiVersion:)`, reached faster: the compiled reporting path
    /// (`FastValidator.report`) reads the bytes once, member by member, without building a tree, and judges only
    /// what isn't clean; only what it leaves to the tree (malformed JSON, a body that isn't an object, more than 64
    /// top-level members) is read into one, after the single pass has had its chance to settle it as valid.
    public func validateFast(_ bytes: some Collection<UInt8>, operation: Operation, apiVersion: APIVersion = .v1) -> ValidationReport {
        validateFast(bytes, operation: operation, apiVersion: apiVersion, using: FastValidatorCache.shared.validator(for: self))
    }

    /// As `validateFast(_:operation:apiVersion:)` with a validator compiled by the caller (for loops over many payloads).
    /// `validator` must have been made from this contract.
    public func validateFast(
        _ bytes: some Collection<UInt8>, operation: Operation, apiVersion: APIVersion = .v1, using validator: FastValidator
    ) -> ValidationReport {
        validateFast(bytes, document: nil, operation: operation, apiVersion: apiVersion, using: validator)
    }

    /// Validates a body the caller has already read into `document` (the tree of exactly these `bytes`), without
    /// reading it again: the verdict and the findings come from the compiled passes over the bytes, and the values
    /// a finding shows are taken from `document`. The report is the one `validate(document, …)` gives.
    public func validate(
        _ bytes: some Collection<UInt8>, parsed document: JSONValue, operation: Operation, apiVersion: APIVersion = .v1,
        using validator: FastValidator
    ) -> ValidationReport {
        validateFast(bytes, document: document, operation: operation, apiVersion: apiVersion, using: validator)
    }

    func validateFast(
        _ bytes: some Collection<UInt8>, document: JSONValue?, operation: Operation, apiVersion: APIVersion,
        using validator: FastValidator
    ) -> ValidationReport {
        let contiguous: ValidationReport? = bytes.withContiguousStorageIfAvailable {
            validateFast(UnsafeRawBufferPointer($0), document: document, operation: operation, apiVersion: apiVersion, using: validator)
        }
        if let contiguous { return contiguous }
        return Array(bytes).withUnsafeBytes {
            validateFast($0, document: document, operation: operation, apiVersion: apiVersion, using: validator)
        }
    }

    private func validateFast(
        _ buffer: UnsafeRawBufferPointer, document: JSONValue?, operation: Operation, apiVersion: APIVersion,
        using validator: FastValidator
    ) -> ValidationReport {
        // The recording pass checks every member as the single pass does and judges only what isn't clean: any body
        // that isn't valid is read once, not twice. A valid body pays for it, about twice the single pass (README,
        // "Performance"); `isValidFast` and `triage` don't.
        if let report = validator.report(buffer, operation: operation, apiVersion: apiVersion, contract: self, document: document) {
            return report
        }
        // What the compiled report leaves to the tree (malformed JSON, not an object, very many members): the single
        // pass still settles a body valid without any variant, whose report is empty.
        let result = validator.evaluate(buffer, operation: operation, apiVersion: apiVersion, settle: false)
        if let chosen = result.body, result.variants == 0 {
            let rule = validator.body(chosen)
            return ValidationReport(
                operation: operation, apiVersion: apiVersion, bodyRule: rule.id, odataType: rule.odataType, violations: [],
                variants: [], catalog: catalog)
        }
        if let document { return validate(document, operation: operation, apiVersion: apiVersion) }
        return validate(buffer, operation: operation, apiVersion: apiVersion)
    }

    /// Whether the payload is valid (no violation), from the fast path where it is certain and from the report
    /// otherwise. Equal to `validate(...).isValid`; the bulk benchmark measures this against jsonschema-rs.
    public func isValidFast(
        _ bytes: UnsafeRawBufferPointer, operation: Operation, apiVersion: APIVersion = .v1, using validator: FastValidator
    ) -> Bool {
        switch validator.triage(bytes, operation: operation, apiVersion: apiVersion) {
        case .valid: true
        case .invalid: false
        case .undetermined: validate(bytes, operation: operation, apiVersion: apiVersion).isValid
        }
    }
}

/// Compiled validators per configuration, so `validateFast` without a validator compiles the rules once.
/// Keyed by configuration because `Contract.init(configuration:)` derives its rules from it alone.
final class FastValidatorCache: @unchecked Sendable {
    static let shared = FastValidatorCache()
    private let lock = NSLock()
    private var validators: [ContractConfiguration: FastValidator] = [:]

    func validator(for contract: Contract) -> FastValidator {
        lock.lock()
        defer { lock.unlock() }
        if let validator = validators[contract.configuration] { return validator }
        let validator = FastValidator(contract: contract)
        if validators.count < 64 { validators[contract.configuration] = validator }
        return validator
    }
}

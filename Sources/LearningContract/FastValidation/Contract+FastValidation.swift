import Foundation

extension Contract {
    /// The same report as `validate(_:operation:apiVersion:)`, reached faster: the single pass settles valid
    /// payloads without building a tree, and everything else goes through the reporting path.
    public func validateFast(_ bytes: some Collection<UInt8>, operation: Operation, apiVersion: APIVersion = .v1) -> ValidationReport {
        validateFast(bytes, operation: operation, apiVersion: apiVersion, using: FastValidatorCache.shared.validator(for: self))
    }

    /// As `validateFast(_:operation:apiVersion:)` with a validator compiled by the caller (for loops over many payloads).
    /// `validator` must have been made from this contract.
    public func validateFast(
        _ bytes: some Collection<UInt8>, operation: Operation, apiVersion: APIVersion = .v1, using validator: FastValidator
    ) -> ValidationReport {
        // Only a body valid without any variant has an empty report; every other report is built to be shown.
        func emptyReportBody(_ buffer: UnsafeRawBufferPointer) -> Int? {
            let result = validator.evaluate(buffer, operation: operation, apiVersion: apiVersion, settle: false)
            return result.variants == 0 ? result.body : nil
        }
        let body: Int?? = bytes.withContiguousStorageIfAvailable { emptyReportBody(UnsafeRawBufferPointer($0)) }
        let chosen: Int?
        if let body {
            chosen = body
        } else {
            chosen = Array(bytes).withUnsafeBytes { emptyReportBody($0) }
        }
        guard let chosen else { return validate(bytes, operation: operation, apiVersion: apiVersion) }
        let rule = validator.body(chosen)
        return ValidationReport(
            operation: operation, apiVersion: apiVersion, bodyRule: rule.id, odataType: rule.odataType, violations: [],
            variants: [], catalog: catalog)
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

@testable import LearningContract

/// Checks that the fast path and the reporting path agree on one payload; returns a description of any disagreement.
struct FastAgreement {
    let contract: Contract
    let fast: FastValidator

    init(_ configuration: ContractConfiguration = .default) {
        contract = Contract(configuration: configuration)
        fast = FastValidator(contract: contract)
    }

    /// nil when they agree: same report from `validateFast` and `validate`, `valid` only for an empty report,
    /// and a definite triage equal to the report's validity.
    func disagreement(_ bytes: [UInt8], operation: Operation = .createActivity, apiVersion: APIVersion = .v1) -> String? {
        let full = contract.validate(bytes, operation: operation, apiVersion: apiVersion)
        let viaFast = contract.validateFast(bytes, operation: operation, apiVersion: apiVersion, using: fast)
        let verdict = bytes.withUnsafeBytes { fast.verdict($0, operation: operation, apiVersion: apiVersion) }
        let triage = bytes.withUnsafeBytes { fast.triage($0, operation: operation, apiVersion: apiVersion) }
        let text = String(decoding: bytes.prefix(300), as: UTF8.self)
        if viaFast != full { return "reports differ for \(text)" }
        if verdict == .valid && !(full.violations.isEmpty && full.variants.isEmpty) {
            return "fast said valid, report has \(full.violations.map(\.ruleID)) \(full.variants.map(\.ruleID)) for \(text)"
        }
        if triage == .invalid && full.isValid { return "triage said invalid, report is valid for \(text)" }
        if triage == .valid && !full.isValid { return "triage said valid, report is invalid for \(text)" }
        if verdict == .valid && triage != .valid { return "triage and verdict differ for \(text)" }
        // A valid body's variants are the report's, contradiction by contradiction.
        let result = bytes.withUnsafeBytes { fast.result($0, operation: operation, apiVersion: apiVersion) }
        if result.triage == .valid && Set(result.variants) != Set(full.variants.compactMap(\.ambiguity)) {
            return "variants differ: fast \(result.variants), report \(full.variants.compactMap(\.ambiguity)) for \(text)"
        }
        return nil
    }

    /// Whether the fast path settled the payload on its own (valid, or certainly invalid).
    func settled(_ bytes: [UInt8], operation: Operation = .createActivity) -> Bool {
        bytes.withUnsafeBytes { fast.triage($0, operation: operation) } != .undetermined
    }
}

extension Contract {
    /// Validates request-body bytes. Never throws: malformed JSON (trailing commas, a BOM, bad UTF-8, too deep,
    /// too large…) is reported as a `malformedJSON` violation mapped to the `malformedBody` row.
    public func validate(
        _ bytes: some Collection<UInt8>, operation: Operation, apiVersion: APIVersion = .v1,
        limits: JSONReader.Limits = .default
    ) -> ValidationReport {
        let document: JSONDocument
        do {
            document = try JSONReader(limits: limits).read(bytes)
        } catch {
            return malformedJSONReport(error, operation: operation, apiVersion: apiVersion)
        }
        return validate(document.root, operation: operation, apiVersion: apiVersion)
    }

    /// The report of a body that is not JSON: one `malformedJSON` violation mapped to the `malformedBody` row, whose
    /// error carries the reader's reason as its detail. The emulator answers a malformed body with this report's
    /// error, so `serve` and `validate` say the same.
    public func malformedJSONReport(_ error: JSONReadError, operation: Operation, apiVersion: APIVersion = .v1) -> ValidationReport {
        let violation = Violation(
            pointer: .root, field: "", kind: .malformedJSON, detail: error.description,
            ruleID: "\(operation.rawValue).json", source: Source("ERRORS", "400: malformed request; RFC 8259"),
            errorRow: .malformedBody, message: catalog[.malformedBody].messageTemplate)
        return ValidationReport(
            operation: operation, apiVersion: apiVersion, bodyRule: nil, odataType: nil, violations: [violation],
            variants: [], catalog: catalog)
    }
}

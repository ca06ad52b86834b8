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
            let violation = Violation(
                pointer: .root, field: "", kind: .malformedJSON, detail: error.description,
                ruleID: "\(operation.rawValue).json", source: Source("ERRORS", "400: malformed request; RFC 8259"),
                errorRow: .malformedBody, message: catalog[.malformedBody].messageTemplate)
            return ValidationReport(
                operation: operation, apiVersion: apiVersion, bodyRule: nil, odataType: nil, violations: [violation],
                variants: [], catalog: catalog)
        }
        return validate(document.root, operation: operation, apiVersion: apiVersion)
    }
}

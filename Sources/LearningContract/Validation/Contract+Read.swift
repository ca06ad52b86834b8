extension Contract {
    /// Reads a request body once: validates its bytes (the fast path, then the compiled reporting path), and
    /// builds the tree only for a valid body, the one a caller keeps. The report is `validate(bytes, …)`'s.
    ///
    /// ```swift
    /// let parsed = contract.read(body, operation: .createActivity, using: fast)
    /// guard let document = parsed.document else { return parsed.report.graphError }
    /// ```
    public func read(
        _ bytes: some Collection<UInt8>, operation: Operation, apiVersion: APIVersion = .v1, using validator: FastValidator
    ) -> ParsedBody {
        let report = validateFast(bytes, operation: operation, apiVersion: apiVersion, using: validator)
        guard report.isValid else { return ParsedBody(report: report, document: nil) }
        return ParsedBody(report: report, document: try? JSONReader().read(bytes))
    }
}

import Foundation

/// A single-pass validator: it checks the compiled rules while it reads the bytes, and builds no tree. It decides
/// every verdict itself, including bodies valid only under a documented (lenient) reading of a contradiction:
/// the readings it met are part of its result (`FastResult.variants`), so a report is needed only to *show*
/// them, never to decide.
///
/// ```swift
/// let fast = FastValidator(contract: contract)
/// let result = bytes.withUnsafeBytes { fast.result($0, operation: .createActivity) }
/// ```
///
/// Member names and string values are compared by their decoded bytes (escapes resolved), never by canonical
/// equivalence. What it still leaves to the report (`undetermined`): an object with more than 16 ignored or
/// `@` members, values nested deeper than 128 containers inside an ignored member, and rule sets it can't
/// compile (more than 64 names in one object).
public struct FastValidator: @unchecked Sendable {
    let storage: FastTableStorage
    let tables: FastTableView
    let bodyShapes: [Int]
    let bodyTypes: [FastByteRange?]
    let bodyIDs: [String]
    let bodyODataTypes: [String?]
    let operations: [FastOperationEntry]
    let discriminatorName: FastByteRange
    /// Per body: its fields' slots (see `FastFieldSlots`), for the compiled report.
    let bodyFieldSlots: [[FastFieldSlots]]
    /// Per body and field: whether the field's presence is plain (not a disputed presence), so a clean value
    /// settles it without looking at the rule.
    let bodyFieldPlain: [[Bool]]
    /// The contradictions the compiled rules can meet; bit i of a variant mask is `ambiguities[i]`.
    let ambiguities: [Ambiguity.ID]
    /// The ones the configuration judges strictly.
    let strictMask: UInt64
    /// The reader limits the reporting path applies in `Contract.validate` by default.
    let limits: JSONReader.Limits

    /// Unknown or `@` members remembered per object for the duplicate check; more are left to the report.
    static let spanCapacity = 16

    public init(contract: Contract) {
        self.init(rules: contract.rules, configuration: contract.configuration, limits: .default)
    }

    init(rules: RuleSet, configuration: ContractConfiguration, limits: JSONReader.Limits) {
        let builder = FastTableBuilder(rules: rules)
        storage = FastTableStorage(builder: builder)
        tables = storage.view
        bodyShapes = builder.bodyShapes
        bodyTypes = builder.bodyTypes
        bodyIDs = rules.bodies.map(\.id)
        bodyODataTypes = rules.bodies.map(\.odataType)
        operations = builder.operations
        discriminatorName = builder.discriminatorName
        bodyFieldSlots = builder.bodyFieldSlots
        bodyFieldPlain = rules.bodies.map { body in
            body.fields.map { if case .disputedPresent = $0.presence { false } else { true } }
        }
        ambiguities = builder.ambiguities
        var strict: UInt64 = 0
        for (i, id) in builder.ambiguities.enumerated() where i < 64 && configuration.strictness(for: id) == .strict {
            strict |= 1 << UInt64(i)
        }
        strictMask = strict
        self.limits = limits
    }

    /// `valid` when the full report would be empty (no violation, no variant); `needsReport` otherwise.
    public func verdict(_ bytes: UnsafeRawBufferPointer, operation: Operation, apiVersion: APIVersion = .v1) -> FastVerdict {
        let result = evaluate(bytes, operation: operation, apiVersion: apiVersion, settle: false)
        return result.body != nil && result.variants == 0 ? .valid : .needsReport
    }

    /// `valid` (possibly under a documented reading), `invalid` where a violation is certain, or `undetermined`.
    public func triage(_ bytes: UnsafeRawBufferPointer, operation: Operation, apiVersion: APIVersion = .v1) -> FastTriage {
        result(bytes, operation: operation, apiVersion: apiVersion).triage
    }

    /// The verdict with the documented readings the payload was accepted under.
    public func result(_ bytes: UnsafeRawBufferPointer, operation: Operation, apiVersion: APIVersion = .v1) -> FastResult {
        let result = evaluate(bytes, operation: operation, apiVersion: apiVersion, settle: true)
        if result.body != nil { return FastResult(triage: .valid, variants: variantIDs(result.variants)) }
        return FastResult(triage: result.certain ? .invalid : .undetermined, variants: [])
    }

    func variantIDs(_ mask: UInt64) -> [Ambiguity.ID] {
        guard mask != 0 else { return [] }
        return ambiguities.indices.filter { $0 < 64 && mask >> UInt64($0) & 1 == 1 }.map { ambiguities[$0] }
    }

    /// The body rule id and `@odata.type` of a valid payload's body, for building its (empty) report.
    func body(_ index: Int) -> (id: String, odataType: String?) { (bodyIDs[index], bodyODataTypes[index]) }

    /// The single pass. `body` is the index of the body rule the payload is valid against, or nil; `certain` says
    /// a nil body is a certain violation; `variants` the contradictions a valid body was read under.
    /// `settle: false` skips the extra reading that only `certain` needs.
    func evaluate(
        _ bytes: UnsafeRawBufferPointer, operation: Operation, apiVersion: APIVersion, settle: Bool
    ) -> (body: Int?, certain: Bool, variants: UInt64) {
        let count = bytes.count
        guard count > 0, let raw = bytes.baseAddress else { return (nil, true, 0) }  // empty: malformed
        guard count <= limits.maxBytes else { return (nil, true, 0) }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let candidates = operations[FastOperationEntry.position(operation)].bodyIndices
        guard !candidates.isEmpty else { return (nil, false, 0) }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * Self.spanCapacity * 3) { spans in
            func pass(confirmed: Bool) -> FastPass {
                FastPass(
                    base: base, count: count, tables: tables, maxDepth: limits.maxDepth, versionIndex: apiVersion == .v1 ? 0 : 1,
                    spans: spans.baseAddress!, spanCapacity: Self.spanCapacity * 3, bodyConfirmed: confirmed,
                    strictMask: strictMask, discriminator: discriminatorName)
            }
            /// The top-level `@odata.type`, read member by member (only on the slow side of things).
            func topLevelType() -> FastTopLevelType {
                var reader = pass(confirmed: false)
                defer { reader.release() }
                return reader.topLevelType(candidates: candidates, types: bodyTypes)
            }
            func check(_ body: Int, retry: Bool) -> (body: Int?, certain: Bool, variants: UInt64) {
                var scan = pass(confirmed: candidates.count == 1)
                defer { scan.release() }
                scan.skipWhitespace()
                guard scan.index < count else { return (nil, true, 0) }
                guard base[scan.index] == UInt8(ascii: "{") else {
                    // Not an object: the report rejects it as malformed JSON or as a body that isn't an object.
                    return (nil, scan.skipValue(depth: 0) || scan.certain, 0)
                }
                guard scan.validateObject(shape: bodyShapes[body], depth: 1) else {
                    guard scan.needsTypeCheck || scan.otherSubtype else { return (nil, scan.certain, 0) }
                    guard settle || scan.otherSubtype else { return (nil, false, 0) }
                    switch topLevelType() {
                    case .malformed, .missing, .duplicate, .other: return (nil, true, 0)
                    case .matches(let found):
                        if found == body { return (nil, scan.needsTypeCheck, 0) }
                        // The byte search found a nested `@odata.type`: check the body the top level names.
                        return retry ? check(found, retry: false) : (nil, false, 0)
                    }
                }
                scan.skipWhitespace()
                guard scan.index == count else { return (nil, true, 0) }  // trailing content
                return (body, false, scan.variants)
            }
            if candidates.count == 1 { return check(candidates[0], retry: false) }
            if let guess = guessBody(base, count, candidates) { return check(guess, retry: true) }
            // No `"@odata.type":"…"` found by the byte search (absent, escaped, not a string): read the top level.
            switch topLevelType() {
            case .malformed, .missing, .duplicate, .other: return (nil, true, 0)
            case .matches(let found): return check(found, retry: false)
            }
        }
    }

    /// Finds the first `"@odata.type"` name followed by `:` and one of the candidates' type strings by a byte
    /// search, so a `@odata.type` anywhere in the object works. The pass then checks it is the top-level one.
    func guessBody(_ base: UnsafePointer<UInt8>, _ count: Int, _ candidates: [Int]) -> Int? {
        let name = tables.pool + discriminatorName.offset
        let nameLength = discriminatorName.length
        var from = 0
        while from < count, let hit = memchr(base + from, Int32(UInt8(ascii: "@")), count - from) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            from = at + 1
            guard at >= 1, base[at - 1] == UInt8(ascii: "\""), at + nameLength <= count,
                  fastEqualBytes(base + at, name, nameLength) else { continue }
            var i = at + nameLength
            func skip() { while i < count, base[i] == 0x20 || base[i] == 0x0A || base[i] == 0x0D || base[i] == 0x09 { i += 1 } }
            skip()
            guard i < count, base[i] == UInt8(ascii: ":") else { continue }
            i += 1
            skip()
            guard i < count, base[i] == UInt8(ascii: "\"") else { continue }
            let start = i + 1
            for candidate in candidates {
                guard let type = bodyTypes[candidate], start + type.length < count,
                      base[start + type.length] == UInt8(ascii: "\""),
                      memcmp(base + start, tables.pool + type.offset, type.length) == 0 else { continue }
                return candidate
            }
            return nil
        }
        return nil
    }
}

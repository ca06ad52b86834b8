import Foundation

/// A single-pass validator: it checks the compiled rules while it reads the bytes, and builds no tree for a
/// valid payload. It answers `valid` only when the reporting path (`Contract.validate`) would report nothing at
/// all — no violation and no variant — and `needsReport` otherwise, so reports never depend on which path ran.
///
/// ```swift
/// let fast = FastValidator(contract: contract)
/// let verdict = bytes.withUnsafeBytes { fast.verdict($0, operation: .createActivity) }
/// ```
///
/// What it leaves to the report (`needsReport` even when the payload may be fine): escaped or non-ASCII member
/// names, escaped enum and date values, documented variants (aliases, disputed properties, variant enum values),
/// objects with more than 16 ignored or `@` members, and a `@odata.type` it can't find by a byte search.
public struct FastValidator: @unchecked Sendable {
    private let storage: FastTableStorage
    private let tables: FastTableView
    private let bodyShapes: [Int]
    private let bodyTypes: [FastByteRange?]
    private let bodyIDs: [String]
    private let bodyODataTypes: [String?]
    private let operations: [FastOperationEntry]
    private let discriminatorName: FastByteRange
    /// The reader limits the reporting path applies in `Contract.validate` by default.
    let limits: JSONReader.Limits

    /// Unknown or `@` members remembered per object for the duplicate check; more are left to the report.
    static let spanCapacity = 16

    public init(contract: Contract) {
        self.init(rules: contract.rules, limits: .default)
    }

    init(rules: RuleSet, limits: JSONReader.Limits) {
        let builder = FastTableBuilder(rules: rules)
        storage = FastTableStorage(builder: builder)
        tables = storage.view
        bodyShapes = builder.bodyShapes
        bodyTypes = builder.bodyTypes
        bodyIDs = rules.bodies.map(\.id)
        bodyODataTypes = rules.bodies.map(\.odataType)
        operations = builder.operations
        discriminatorName = builder.discriminatorName
        self.limits = limits
    }

    /// `valid` when the full report would be empty; `needsReport` otherwise.
    public func verdict(_ bytes: UnsafeRawBufferPointer, operation: Operation, apiVersion: APIVersion = .v1) -> FastVerdict {
        evaluate(bytes, operation: operation, apiVersion: apiVersion, settle: false).body == nil ? .needsReport : .valid
    }

    /// `valid`, `invalid` where a violation is certain whatever else the payload holds, or `undetermined`.
    public func triage(_ bytes: UnsafeRawBufferPointer, operation: Operation, apiVersion: APIVersion = .v1) -> FastTriage {
        let result = evaluate(bytes, operation: operation, apiVersion: apiVersion, settle: true)
        if result.body != nil { return .valid }
        return result.certain ? .invalid : .undetermined
    }

    /// The body rule id and `@odata.type` of a valid payload's body, for building its (empty) report.
    func body(_ index: Int) -> (id: String, odataType: String?) { (bodyIDs[index], bodyODataTypes[index]) }

    /// The single pass. `body` is the index of the body rule the payload is valid against, or nil; `certain` says
    /// a nil body is a certain violation. `settle: false` skips the extra reading that only `certain` needs.
    func evaluate(
        _ bytes: UnsafeRawBufferPointer, operation: Operation, apiVersion: APIVersion, settle: Bool
    ) -> (body: Int?, certain: Bool) {
        let count = bytes.count
        guard count > 0, let raw = bytes.baseAddress else { return (nil, true) }  // empty: malformed
        guard count <= limits.maxBytes else { return (nil, true) }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let candidates = operations[FastOperationEntry.position(operation)].bodyIndices
        guard !candidates.isEmpty else { return (nil, false) }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * Self.spanCapacity * 3) { spans in
            func pass(confirmed: Bool) -> FastPass {
                FastPass(
                    base: base, count: count, tables: tables, maxDepth: limits.maxDepth, versionIndex: apiVersion == .v1 ? 0 : 1,
                    spans: spans.baseAddress!, spanCapacity: Self.spanCapacity * 3, bodyConfirmed: confirmed)
            }
            /// The top-level `@odata.type`, read member by member (only on the slow side of things).
            func topLevelType() -> FastTopLevelType {
                var reader = pass(confirmed: false)
                return reader.topLevelType(candidates: candidates, types: bodyTypes)
            }
            func check(_ body: Int) -> (body: Int?, certain: Bool) {
                var scan = pass(confirmed: candidates.count == 1)
                scan.skipWhitespace()
                guard scan.index < count else { return (nil, true) }
                guard base[scan.index] == UInt8(ascii: "{") else {
                    // Not an object: the report rejects it as malformed JSON or as a body that isn't an object.
                    return (nil, scan.skipValue(depth: 0) || scan.certain)
                }
                guard scan.validateObject(shape: bodyShapes[body], depth: 1) else {
                    guard scan.needsTypeCheck, settle else { return (nil, scan.certain) }
                    switch topLevelType() {
                    case .malformed, .missing, .duplicate: return (nil, true)
                    case .matches(let found): return (nil, found == body)
                    case .other, .unreadable: return (nil, false)
                    }
                }
                scan.skipWhitespace()
                guard scan.index == count else { return (nil, true) }  // trailing content
                return (body, false)
            }
            if candidates.count == 1 { return check(candidates[0]) }
            if let guess = guessBody(base, count, candidates) { return check(guess) }
            // No `"@odata.type":"…"` found by the byte search: read the top level to find out why.
            guard settle else { return (nil, false) }
            switch topLevelType() {
            case .malformed, .missing, .duplicate, .other: return (nil, true)
            case .matches(let found): return check(found)
            case .unreadable: return (nil, false)
            }
        }
    }

    /// Finds the first `"@odata.type"` name followed by `:` and one of the candidates' type strings by a byte
    /// search, so a `@odata.type` anywhere in the object works. The pass then checks it is the top-level one.
    private func guessBody(_ base: UnsafePointer<UInt8>, _ count: Int, _ candidates: [Int]) -> Int? {
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

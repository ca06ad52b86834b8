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
    private let operations: [Operation: FastOperationEntry]
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
        self.limits = limits
    }

    /// `valid` when the full report would be empty; `needsReport` otherwise.
    public func verdict(_ bytes: UnsafeRawBufferPointer, operation: Operation, apiVersion: APIVersion = .v1) -> FastVerdict {
        evaluate(bytes, operation: operation, apiVersion: apiVersion).body == nil ? .needsReport : .valid
    }

    /// `valid`, `invalid` where a violation is certain whatever else the payload holds, or `undetermined`.
    public func triage(_ bytes: UnsafeRawBufferPointer, operation: Operation, apiVersion: APIVersion = .v1) -> FastTriage {
        let result = evaluate(bytes, operation: operation, apiVersion: apiVersion)
        if result.body != nil { return .valid }
        return result.certain ? .invalid : .undetermined
    }

    /// The body rule id and `@odata.type` of a valid payload's body, for building its (empty) report.
    func body(_ index: Int) -> (id: String, odataType: String?) { (bodyIDs[index], bodyODataTypes[index]) }

    /// The single pass. `body` is the index of the body rule the payload is valid against, or nil.
    func evaluate(_ bytes: UnsafeRawBufferPointer, operation: Operation, apiVersion: APIVersion) -> (body: Int?, certain: Bool) {
        let count = bytes.count
        guard count > 0, let raw = bytes.baseAddress else { return (nil, true) }  // empty: malformed
        guard count <= limits.maxBytes else { return (nil, true) }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        guard let candidates = operations[operation]?.bodyIndices, !candidates.isEmpty else { return (nil, false) }
        let body: Int
        if candidates.count == 1 {
            body = candidates[0]
        } else {
            guard let guess = guessBody(base, count, candidates) else { return (nil, false) }
            body = guess
        }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * Self.spanCapacity * 3) { spans in
            var pass = FastPass(
                base: base, count: count, tables: tables, maxDepth: limits.maxDepth, versionIndex: apiVersion == .v1 ? 0 : 1,
                spans: spans.baseAddress!, spanCapacity: Self.spanCapacity * 3, bodyConfirmed: candidates.count == 1)
            pass.skipWhitespace()
            guard pass.index < count else { return (nil, true) }
            guard base[pass.index] == UInt8(ascii: "{") else {
                // Not an object: the report rejects it as malformed JSON or as a body that isn't an object.
                return (nil, pass.skipValue(depth: 0) || pass.certain)
            }
            guard pass.validateObject(shape: bodyShapes[body], depth: 1) else {
                if pass.needsTypeCheck, let type = bodyTypes[body] {
                    var check = FastPass(
                        base: base, count: count, tables: tables, maxDepth: limits.maxDepth, versionIndex: 0,
                        spans: spans.baseAddress!, spanCapacity: 0, bodyConfirmed: false)
                    return (nil, check.violationStandsForSubtype(expected: type))
                }
                return (nil, pass.certain)
            }
            pass.skipWhitespace()
            guard pass.index == count else { return (nil, true) }  // trailing content
            return (body, false)
        }
    }

    /// Finds the first `"@odata.type"` name followed by `:` and one of the candidates' type strings by a byte
    /// search, so a `@odata.type` anywhere in the object works. The pass then checks it is the top-level one.
    private func guessBody(_ base: UnsafePointer<UInt8>, _ count: Int, _ candidates: [Int]) -> Int? {
        let name = Array("@odata.type\"".utf8)
        var from = 0
        while from < count, let hit = memchr(base + from, Int32(UInt8(ascii: "@")), count - from) {
            let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            from = at + 1
            guard at >= 1, base[at - 1] == UInt8(ascii: "\""), at + name.count <= count,
                  memcmp(base + at, name, name.count) == 0 else { continue }
            var i = at + name.count
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

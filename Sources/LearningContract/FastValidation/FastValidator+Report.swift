import Foundation

/// The reporting path, compiled: the full `ValidationReport` of a payload from one recording pass over its bytes
/// (`FastPass.recordMembers`), without reading it into a tree. The findings are the `Validator`'s own: the pass
/// says which members are clean, and only the others (a field that fails, meets a contradiction or is missing, a
/// repeated or unknown name) are turned into Swift values and judged by the same `Validator` methods the tree
/// path uses, in the tree path's order. So the report is identical to `Contract.validate`'s, and its cost is one
/// pass plus the findings.
extension FastValidator {
    /// Top-level members the pass records; a body with more goes to the tree path.
    static let reportMemberCapacity = 64

    /// The report `contract.validate(bytes, operation:apiVersion:)` gives, or nil when this payload needs the tree
    /// path: malformed JSON (its report quotes the reader's error), a body that isn't an object, an operation
    /// without a body, more than `reportMemberCapacity` top-level members, nesting deeper than the pass tracks.
    /// `contract` must be the one this validator was made from; `document`, when given, is these bytes' tree, and
    /// the values the findings show are taken from it instead of being read from their bytes.
    func report(
        _ bytes: UnsafeRawBufferPointer, operation: Operation, apiVersion: APIVersion, contract: Contract,
        document: JSONValue? = nil
    ) -> ValidationReport? {
        let tree: JSONObject? = if case .object(let object)? = document { object } else { nil }
        let count = bytes.count
        guard count > 0, count <= limits.maxBytes, let raw = bytes.baseAddress else { return nil }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let candidates = operations[FastOperationEntry.position(operation)].bodyIndices
        guard !candidates.isEmpty, contract.rules.bodies.count == bodyIDs.count else { return nil }
        let spanCapacity = 2 * Self.spanCapacity * 3
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: spanCapacity) { spans in
            withUnsafeTemporaryAllocation(of: FastMember.self, capacity: Self.reportMemberCapacity) { members in
                var pass = FastPass(
                    base: base, count: count, tables: tables, maxDepth: limits.maxDepth, versionIndex: apiVersion == .v1 ? 0 : 1,
                    spans: spans.baseAddress!, spanCapacity: Self.spanCapacity * 3, bodyConfirmed: true,
                    strictMask: strictMask, discriminator: discriminatorName)
                defer { pass.release() }
                func record(_ body: Int) -> Int? {
                    pass.release()
                    pass.arenaUsed = 0
                    return pass.recordMembers(
                        shape: bodyShapes[body], into: members.baseAddress!, capacity: Self.reportMemberCapacity,
                        types: bodyTypes, candidates: candidates)
                }
                var recorded = candidates.count == 1 ? candidates[0] : (guessBody(base, count, candidates) ?? candidates[0])
                guard var memberCount = record(recorded) else { return nil }

                // Made at the first finding: a body without any (a valid one) needs no validator.
                var made: Validator?
                /// Runs `finding` on the validator, made the first time.
                func judging<Result>(_ finding: (inout Validator) -> Result) -> Result {
                    if made == nil {
                        made = Validator(
                            rules: contract.rules, configuration: contract.configuration, catalog: contract.catalog,
                            apiVersion: apiVersion, texts: contract.reportTexts)
                    }
                    return finding(&made!)
                }
                /// The value of a (first-appearing) member: from the tree the caller already read, else from its bytes.
                func materialize(_ member: FastMember) -> JSONValue? {
                    if let tree {
                        let name = key(member)
                        if let found = tree.members.first(where: { ExactKey.same($0.key, name) }) { return found.value }
                    }
                    let value = UnsafeBufferPointer(start: base + member.valueStart, count: member.valueEnd - member.valueStart)
                    return Self.scalar(value) ?? (try? JSONReader(limits: limits).read(value).root)
                }
                func key(_ member: FastMember) -> String {
                    String(decoding: UnsafeBufferPointer(start: member.name, count: member.nameLength), as: UTF8.self)
                }
                func sameName(_ a: FastMember, _ b: FastMember) -> Bool {
                    if a.slot >= 0 || b.slot >= 0 { return a.slot == b.slot }
                    return a.nameLength == b.nameLength && fastEqualBytes(a.name, b.name, a.nameLength)
                }

                // The subtype, as `Validator.selectSubtype` picks it: by the first top-level `@odata.type`.
                var chosen: Int?
                if candidates.count == 1 {
                    chosen = candidates[0]
                } else {
                    let first = (0..<memberCount).first { members[$0].slot == 0 }
                    if let first, members[first].typeMatch >= 0 {
                        let match = members[first].typeMatch
                        if match != recorded {
                            // The byte search found a nested `@odata.type`: read the body again as the type it names.
                            recorded = match
                            guard let again = record(match) else { return nil }
                            memberCount = again
                        }
                        chosen = match
                    } else {
                        var object = JSONObject()
                        if let first {
                            guard let value = materialize(members[first]) else { return nil }
                            object.members.append(JSONObject.Member(key: Validator.discriminator, value: value))
                        }
                        let bodies = candidates.map { contract.rules.bodies[$0] }
                        _ = judging { $0.selectSubtype(MemberIndex(object), bodies: bodies, operation: operation) }
                    }
                }
                let body = chosen.map { contract.rules.bodies[$0] }

                // Repeated names, in the order of their second appearance (as `MemberIndex.repeated`).
                var repeated: [(key: String, count: Int)] = []
                let slotCount = tables.shapes[bodyShapes[recorded]].slotCount
                return withUnsafeTemporaryAllocation(of: Int.self, capacity: max(slotCount, 1)) { firstOfSlot -> ValidationReport? in
                    firstOfSlot.initialize(repeating: -1)
                    for i in 0..<memberCount {
                        let member = members[i]
                        if member.slot >= 0 {
                            if firstOfSlot[member.slot] < 0 { firstOfSlot[member.slot] = i; continue }
                        }
                        var earlier = 0
                        for j in 0..<i where sameName(members[j], member) { earlier += 1 }
                        if earlier == 1 {
                            var total = 0
                            for j in 0..<memberCount where sameName(members[j], member) { total += 1 }
                            repeated.append((key(member), total))
                        }
                    }
                    if !repeated.isEmpty {
                        judging { $0.reportDuplicates(repeated, pointer: .root, prefix: "", ruleID: body?.id ?? operation.rawValue) }
                    }
                    guard let body, let chosen else {
                        return judging { $0.finish(operation, body: nil) }
                    }
                    let texts = contract.reportTexts.bodies[chosen]

                    // Each field in rule order; a clean one (present and clean, or absent and optional) has nothing to say.
                    for position in body.fields.indices {
                        let slots = bodyFieldSlots[chosen][position]
                        let primary = firstOfSlot[slots.primary]
                        let aliased = slots.aliases.contains { firstOfSlot[$0] >= 0 }
                        var judge = aliased
                        if !judge {
                            if primary >= 0 && members[primary].clean && bodyFieldPlain[chosen][position] {
                                judge = false
                            } else if primary < 0 {
                                switch body.fields[position].presence {
                                case .required, .disputedRequired: judge = true
                                case .optional, .disputedPresent: judge = false
                                }
                            } else if case .disputedPresent = body.fields[position].presence {
                                judge = true
                            } else {
                                judge = !members[primary].clean
                            }
                        }
                        guard judge else { continue }
                        var value: JSONValue?
                        if primary >= 0 {
                            guard let read = materialize(members[primary]) else { return nil }
                            value = read
                        }
                        var aliasValues: [JSONValue?] = []
                        for slot in slots.aliases {
                            guard firstOfSlot[slot] >= 0 else { aliasValues.append(nil); continue }
                            guard let read = materialize(members[firstOfSlot[slot]]) else { return nil }
                            aliasValues.append(read)
                        }
                        judging {
                            $0.checkField(
                                body.fields[position], texts: texts.fields[position], value: value,
                                alias: { $0 < aliasValues.count ? aliasValues[$0] : nil }, body: body, subtype: texts.subtype)
                        }
                    }

                    // Names no rule has, once each, in order (annotations are allowed).
                    if contract.rules.unknownProperties == .reject {
                        for i in 0..<memberCount where members[i].slot < 0 {
                            let member = members[i]
                            guard memchr(member.name, 0x40, member.nameLength) == nil else { continue }
                            var seenBefore = false
                            for j in 0..<i where sameName(members[j], member) { seenBefore = true; break }
                            if seenBefore { continue }
                            judging {
                                $0.reportUnknown(
                                    key(member), pointer: .root, prefix: "", body: body, subtype: texts.subtype, fields: body.fields,
                                    lowercasedNames: texts.lowercasedNames, topLevel: true, bodyTexts: texts)
                            }
                        }
                    }
                    // No finding: the report of a valid body, without a validator.
                    guard made != nil else {
                        return ValidationReport(
                            operation: operation, apiVersion: apiVersion, bodyRule: body.id, odataType: body.odataType, violations: [],
                            variants: [], catalog: contract.catalog)
                    }
                    return judging { $0.finish(operation, body: body) }
                }
            }
        }
    }

    /// A scalar value's bytes, as the reader reads them, without the reader: a string without escapes, a number,
    /// `true`, `false`, `null`. The bytes were checked by the pass (grammar, UTF-8, no raw control character).
    /// nil for anything else (escapes, arrays, objects), which the reader reads.
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        guard let first = bytes.first else { return nil }
        switch first {
        case UInt8(ascii: "\""):
            guard bytes.count >= 2, bytes[bytes.count - 1] == UInt8(ascii: "\""),
                  memchr(bytes.baseAddress! + 1, 0x5C, bytes.count - 2) == nil else { return nil }
            return .string(String(decoding: UnsafeBufferPointer(rebasing: bytes[1..<(bytes.count - 1)]), as: UTF8.self))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(JSONNumber(lexeme: String(decoding: bytes, as: UTF8.self)))
        case UInt8(ascii: "t"): return bytes.count == 4 ? .bool(true) : nil
        case UInt8(ascii: "f"): return bytes.count == 5 ? .bool(false) : nil
        case UInt8(ascii: "n"): return bytes.count == 4 ? .null : nil
        default: return nil
        }
    }
}

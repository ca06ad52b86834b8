/// Compiles a `RuleSet` into flat tables: per object shape a hash table of names → slots, a required mask,
/// enum member bytes per API version. Everything the fast path needs is decided here, once.
struct FastTableBuilder {
    var pool: [UInt8] = []
    var entries: [FastKeyEntry] = []
    var slots: [FastSlot] = []
    var shapes: [FastShape] = []
    var enumSets: [FastEnumSet] = []
    var enumMembers: [FastByteRange] = []
    /// Per body (in `RuleSet.bodies` order): its top-level shape.
    var bodyShapes: [Int] = []
    /// Per body: the pool range of its `@odata.type`, if any.
    var bodyTypes: [FastByteRange?] = []
    /// Per `FastOperationEntry.position`.
    var operations: [FastOperationEntry] = []
    /// `@odata.type"` (the name and its closing quote), for the byte search.
    var discriminatorName = FastByteRange(offset: 0, length: 0)

    static let versions: [APIVersion] = [.v1, .beta]

    init(rules: RuleSet) {
        operations = Array(repeating: FastOperationEntry(bodyIndices: []), count: Operation.allCases.count)
        for operation in Operation.allCases {
            operations[FastOperationEntry.position(operation)] = FastOperationEntry(
                bodyIndices: rules.bodies.indices.filter { rules.bodies[$0].operation == operation })
        }
        discriminatorName = addToPool(Array((Validator.discriminator + "\"").utf8))
        for body in rules.bodies {
            let multi = rules.bodies(for: body.operation).count > 1
            let type = body.odataType.map { addToPool(Array($0.utf8)) }
            bodyTypes.append(type)
            bodyShapes.append(compileShape(body.fields, rejectsUnknown: rules.unknownProperties == .reject, topLevel: multi ? (type ?? FastByteRange(offset: 0, length: -1)) : nil, singleBody: !multi))
        }
    }

    mutating func addToPool(_ bytes: [UInt8]) -> FastByteRange {
        let range = FastByteRange(offset: pool.count, length: bytes.count)
        pool.append(contentsOf: bytes)
        return range
    }

    /// `topLevel`: the subtype's `@odata.type` for a multi-subtype body; `singleBody`: a body whose `@odata.type` is simply known.
    mutating func compileShape(_ fields: [FieldRule], rejectsUnknown: Bool, topLevel: FastByteRange?, singleBody: Bool) -> Int {
        var names: [(String, FastSlot)] = []
        var required: UInt64 = 0
        var supported = true
        func bit(_ index: Int) -> UInt64 { index < 64 ? 1 << UInt64(index) : 0 }
        if let topLevel {
            // A subtype whose @odata.type can't be told (nil) never matches: its bodies always need a report.
            if topLevel.length < 0 { supported = false }
            names.append((Validator.discriminator, FastSlot(
                kind: .odataType, bit: bit(0), nullable: false, nonEmpty: false, hasAlternates: false, maxLength: .max,
                low: 0, high: 0, extra: topLevel.offset, extraLength: topLevel.length)))
            required |= bit(0)
        } else if singleBody {
            names.append((Validator.discriminator, FastSlot(
                kind: .anyValue, bit: bit(0), nullable: true, nonEmpty: false, hasAlternates: false, maxLength: .max,
                low: 0, high: 0, extra: 0, extraLength: 0)))
        }
        for field in fields {
            var slot = compileSlot(field, rejectsUnknown: rejectsUnknown)
            slot.bit = bit(names.count)
            switch field.presence {
            case .required:
                required |= slot.bit
                slot.plainlyRequired = true
            case .disputedRequired: required |= slot.bit
            case .disputedPresent: slot.kind = .alwaysReport; slot.nullable = false
            case .optional: break
            }
            names.append((field.name, slot))
            for alias in field.aliases {
                names.append((alias.name, FastSlot(
                    kind: .alwaysReport, bit: bit(names.count), nullable: false, nonEmpty: false, hasAlternates: false,
                    maxLength: .max, low: 0, high: 0, extra: 0, extraLength: 0)))
            }
        }
        if names.count > 64 || Set(names.map(\.0)).count != names.count { supported = false }

        var size = 8
        while size < names.count * 4 { size *= 2 }
        let entryStart = entries.count
        entries.append(contentsOf: repeatElement(FastKeyEntry(hash: 0, length: 0, offset: 0, slot: -1), count: size))
        for (name, slot) in names {
            let bytes = Array(name.utf8)
            let range = addToPool(bytes)
            let hash = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { fastNameHash($0, buffer.count) } ?? 0
            }
            var position = Int(hash) & (size - 1)
            while entries[entryStart + position].slot >= 0 { position = (position + 1) & (size - 1) }
            entries[entryStart + position] = FastKeyEntry(
                hash: hash, length: Int32(bytes.count), offset: Int32(range.offset), slot: Int32(slots.count))
            slots.append(slot)
        }
        shapes.append(FastShape(entryStart: entryStart, mask: size - 1, requiredMask: required, rejectsUnknown: rejectsUnknown, supported: supported))
        return shapes.count - 1
    }

    mutating func compileSlot(_ field: FieldRule, rejectsUnknown: Bool) -> FastSlot {
        var slot = FastSlot(
            kind: .string, bit: 0, nullable: field.nullable, nonEmpty: field.nonEmpty, hasAlternates: !field.alternateKinds.isEmpty,
            maxLength: field.maxLength?.value ?? .max, low: 0, high: 0, extra: 0, extraLength: 0)
        switch field.kind {
        case .string: slot.kind = .string
        case .boolean: slot.kind = .boolean
        case .integer(let range):
            slot.kind = .integer
            slot.low = range.lowerBound
            slot.high = range.upperBound
        case .enumeration(_, let allowed):
            slot.kind = .enumeration
            slot.extra = enumSets.count
            // Sets: accepted in v1.0, accepted in beta, and known anywhere (allowed or some variant). Variant values
            // are accepted silently only where they are simply valid (`validIn`); elsewhere they are a reported
            // variant, which the fast path leaves to the report. A value in none of them is a certain violation.
            let everyVariant = field.variantValues.map(\.value)
            let sets = Self.versions.map { version in allowed + field.variantValues.filter { $0.validIn.contains(version) }.map(\.value) }
                + [allowed + everyVariant]
            for accepted in sets {
                let start = enumMembers.count
                for member in accepted { enumMembers.append(addToPool(Array(member.utf8))) }
                enumSets.append(FastEnumSet(start: start, count: accepted.count))
            }
        case .dateTimeOffset: slot.kind = .dateTimeOffset
        case .localDateTime: slot.kind = .localDateTime
        case .duration: slot.kind = .duration
        case .stringArray: slot.kind = .stringArray
        case .object(_, let fields):
            slot.kind = .object
            slot.extra = compileShape(fields, rejectsUnknown: rejectsUnknown, topLevel: nil, singleBody: false)
        }
        return slot
    }
}

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
    /// Per body: where each of its fields (in rule order) and their aliases are among its top-level shape's slots.
    var bodyFieldSlots: [[FastFieldSlots]] = []
    /// The field positions of the shape `compileShape` compiled last.
    private var lastFieldSlots: [FastFieldSlots] = []
    /// Per `FastOperationEntry.position`.
    var operations: [FastOperationEntry] = []
    /// `@odata.type"` (the name and its closing quote), for the byte search.
    var discriminatorName = FastByteRange(offset: 0, length: 0)

    /// The contradictions the rules can meet, in first-use order; bit i of a variant mask is `ambiguities[i]`.
    var ambiguities: [Ambiguity.ID] = []

    static let versions: [APIVersion] = [.v1, .beta]

    mutating func ambiguityIndex(_ id: Ambiguity.ID) -> Int {
        if let index = ambiguities.firstIndex(of: id) { return index }
        ambiguities.append(id)
        return ambiguities.count - 1
    }

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
            bodyFieldSlots.append(lastFieldSlots)
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
        var fieldSlots: [FastFieldSlots] = []
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
            case .disputedRequired(let ambiguity):
                required |= slot.bit
                slot.absenceAmbiguity = ambiguityIndex(ambiguity)
            case .disputedPresent(let ambiguity): slot.presenceAmbiguity = ambiguityIndex(ambiguity)
            case .optional: break
            }
            let primary = names.count
            names.append((field.name, slot))
            fieldSlots.append(FastFieldSlots(primary: primary, aliases: []))
            for alias in field.aliases {
                fieldSlots[fieldSlots.count - 1].aliases.append(names.count)
                // The alias is checked as the property itself, and is a reading of its own contradiction.
                var aliasSlot = slot
                aliasSlot.bit = bit(names.count)
                aliasSlot.alsoSets = slot.bit
                aliasSlot.conflict = slot.bit
                aliasSlot.presenceAmbiguity = ambiguityIndex(alias.ambiguity)
                aliasSlot.plainlyRequired = false
                aliasSlot.absenceAmbiguity = -1
                names[primary].1.conflict |= aliasSlot.bit
                names.append((alias.name, aliasSlot))
            }
            // A property that is itself disputed and has an alias would need two variants at once: left to the report.
            if !field.aliases.isEmpty, case .disputedPresent = field.presence { supported = false }
        }
        if names.count > 64 || Set(names.map(\.0)).count != names.count { supported = false }
        lastFieldSlots = fieldSlots

        var size = 8
        while size < names.count * 4 { size *= 2 }
        let entryStart = entries.count
        let slotStart = slots.count
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
        shapes.append(FastShape(
            entryStart: entryStart, mask: size - 1, requiredMask: required, rejectsUnknown: rejectsUnknown, supported: supported,
            recordable: names.count <= 64 && Set(names.map(\.0)).count == names.count, slotStart: slotStart, slotCount: names.count))
        return shapes.count - 1
    }

    mutating func compileSlot(_ field: FieldRule, rejectsUnknown: Bool) -> FastSlot {
        var slot = FastSlot(
            kind: .string, bit: 0, nullable: field.nullable, nonEmpty: field.nonEmpty, hasAlternates: !field.alternateKinds.isEmpty,
            maxLength: field.maxLength?.value ?? .max, low: 0, high: 0, extra: 0, extraLength: 0)
        if let alternate = field.alternateKinds.first {
            // One documented alternate per property (notes, dueDateTime); a scalar kind the pass can check.
            switch alternate.kind {
            case .string: slot.alternateKind = .string
            case .dateTimeOffset: slot.alternateKind = .dateTimeOffset
            case .localDateTime: slot.alternateKind = .localDateTime
            case .duration: slot.alternateKind = .duration
            default: slot.alternateKind = nil
            }
            slot.alternateAmbiguity = ambiguityIndex(alternate.ambiguity)
        }
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
            // One set per API version: the allowed values (plainly accepted), and every variant value, accepted
            // plainly where it is simply valid (`validIn`) and otherwise as a reading of its contradiction.
            for version in Self.versions {
                let start = enumMembers.count
                for member in allowed { enumMembers.append(addToPool(Array(member.utf8))) }
                for variant in field.variantValues where !allowed.contains(variant.value) {
                    var range = addToPool(Array(variant.value.utf8))
                    range.ambiguity = variant.validIn.contains(version) ? -1 : ambiguityIndex(variant.ambiguity)
                    enumMembers.append(range)
                }
                enumSets.append(FastEnumSet(start: start, count: enumMembers.count - start))
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

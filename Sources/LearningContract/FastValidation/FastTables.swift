/// How a compiled slot checks its value. One byte, so the hot loop switches on a small integer.
enum FastKind: UInt8 {
    case string, boolean, integer, enumeration, dateTimeOffset, localDateTime, duration, stringArray, object
    /// `@odata.type` of a multi-subtype body: a string equal, byte for byte, to the subtype being checked.
    case odataType
    /// `@odata.type` of a single-body operation: known, any JSON value (the reporting path doesn't judge it).
    case anyValue
}

/// One property of one object shape, flattened from a `FieldRule`.
struct FastSlot {
    var kind: FastKind
    /// This slot's bit in the shape's seen/required masks.
    var bit: UInt64
    var nullable: Bool
    var nonEmpty: Bool
    /// Whether a type failure may be a documented alternate shape (ambiguity dueDateTimeShape; ambiguity notesShape), so it is not a certain violation.
    var hasAlternates: Bool
    /// `Presence.required`: absence is a certain violation (a disputed requirement may be only a variant).
    var plainlyRequired: Bool = false
    /// Longest accepted string in Unicode scalars (`Int.max` when unlimited).
    var maxLength: Int
    var low: Int64
    var high: Int64
    /// Nested shape (objects), first enum set (enumerations: set + apiVersion index), or pool offset (`odataType`).
    var extra: Int
    /// Pool length (`odataType`).
    var extraLength: Int
    /// Bits whose presence makes this name a conflict (both spellings of an aliased property).
    var conflict: UInt64 = 0
    /// Bits set in `seen` besides `bit` (an alias also counts as its property being present).
    var alsoSets: UInt64 = 0
    /// The contradiction its mere presence is (an alias, a disputed property), as an index into the validator's
    /// ambiguity list, or -1.
    var presenceAmbiguity: Int = -1
    /// The contradiction its absence is (a disputed requirement), or -1.
    var absenceAmbiguity: Int = -1
    /// The documented alternate shape of the value (a string for `notes`, a DateTimeOffset for `dueDateTime`).
    var alternateKind: FastKind? = nil
    var alternateAmbiguity: Int = -1
}

/// Where one field of a shape is among the shape's slots (offsets from `FastShape.slotStart`): its name, then
/// each of its aliases in rule order.
struct FastFieldSlots {
    var primary: Int
    var aliases: [Int]
}

/// One entry of a shape's open-addressing name table.
struct FastKeyEntry {
    var hash: UInt32
    var length: Int32
    var offset: Int32
    /// Index into the slots, or -1 for an empty entry.
    var slot: Int32
}

/// One object shape: a body's top level or a complex type (`itemBody`, `dateTimeTimeZone`).
struct FastShape {
    var entryStart: Int
    var mask: Int
    var requiredMask: UInt64
    var rejectsUnknown: Bool
    /// False when the shape can't be compiled (more than 64 names, clashing names): always `needsReport`.
    var supported: Bool
    /// Whether the recording pass of the compiled report can read it (at most 64 distinct names): true also for
    /// shapes the fast path leaves to the report, since the report judges presence and aliases itself.
    var recordable: Bool = true
    /// Its slots, contiguous.
    var slotStart: Int = 0
    var slotCount: Int = 0
}

/// The accepted members of one enumeration field for one API version: ranges into the byte pool.
struct FastEnumSet {
    var start: Int
    var count: Int
}

struct FastByteRange {
    var offset: Int
    var length: Int
    /// For enum members: the contradiction the value is a reading of (an index into the ambiguity list), or -1
    /// when it is simply accepted.
    var ambiguity: Int = -1
}

/// The bodies an operation can have: one shape, or one per `@odata.type`.
struct FastOperationEntry {
    var bodyIndices: [Int]

    /// Position of an operation in the per-operation table (a switch, not a dictionary lookup per payload).
    static func position(_ operation: Operation) -> Int {
        switch operation {
        case .createActivity: 0
        case .getActivity: 1
        case .listActivities: 2
        case .updateActivity: 3
        case .deleteActivity: 4
        case .createProvider: 5
        case .updateProvider: 6
        case .upsertContent: 7
        case .listProviders: 8
        case .getProvider: 9
        case .deleteProvider: 10
        case .listContents: 11
        case .getContent: 12
        case .deleteContent: 13
        }
    }
}

/// The compiled tables, in memory that doesn't move, owned by one object so the validator stays a cheap value.
final class FastTableStorage: @unchecked Sendable {
    let pool: UnsafeMutableBufferPointer<UInt8>
    let entries: UnsafeMutableBufferPointer<FastKeyEntry>
    let slots: UnsafeMutableBufferPointer<FastSlot>
    let shapes: UnsafeMutableBufferPointer<FastShape>
    let enumSets: UnsafeMutableBufferPointer<FastEnumSet>
    let enumMembers: UnsafeMutableBufferPointer<FastByteRange>

    init(builder: FastTableBuilder) {
        pool = Self.copy(builder.pool)
        entries = Self.copy(builder.entries)
        slots = Self.copy(builder.slots)
        shapes = Self.copy(builder.shapes)
        enumSets = Self.copy(builder.enumSets)
        enumMembers = Self.copy(builder.enumMembers)
    }

    deinit {
        pool.deallocate()
        entries.deallocate()
        slots.deallocate()
        shapes.deallocate()
        enumSets.deallocate()
        enumMembers.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return buffer
    }

    /// Plain pointers for the hot loop (no reference counting while scanning).
    var view: FastTableView {
        FastTableView(
            pool: UnsafePointer(pool.baseAddress!), entries: UnsafePointer(entries.baseAddress!),
            slots: UnsafePointer(slots.baseAddress!), shapes: UnsafePointer(shapes.baseAddress!),
            enumSets: UnsafePointer(enumSets.baseAddress!), enumMembers: UnsafePointer(enumMembers.baseAddress!))
    }
}

struct FastTableView {
    let pool: UnsafePointer<UInt8>
    let entries: UnsafePointer<FastKeyEntry>
    let slots: UnsafePointer<FastSlot>
    let shapes: UnsafePointer<FastShape>
    let enumSets: UnsafePointer<FastEnumSet>
    let enumMembers: UnsafePointer<FastByteRange>
}

/// The hash of a member name: its length and its first and last eight bytes, so the scanner needs no per-byte
/// work beyond finding the closing quote. The builder hashes the rules' names with the same function.
@inline(__always)
func fastNameHash(_ p: UnsafePointer<UInt8>, _ length: Int) -> UInt32 {
    var a: UInt64 = 0
    var b: UInt64 = 0
    if length >= 8 {
        let raw = UnsafeRawPointer(p)
        a = raw.loadUnaligned(as: UInt64.self)
        b = raw.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
    } else {
        var k = 0
        while k < length {
            a = a << 8 | UInt64(p[k])
            k &+= 1
        }
    }
    let mixed = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F) ^ (UInt64(length) &* 0x1656_67B1_9E37_79F9)
    return UInt32(truncatingIfNeeded: mixed >> 29)
}

/// Byte equality, eight bytes at a time.
@inline(__always)
func fastEqualBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    var k = 0
    let ra = UnsafeRawPointer(a)
    let rb = UnsafeRawPointer(b)
    while k &+ 8 <= length {
        if ra.loadUnaligned(fromByteOffset: k, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
        k &+= 8
    }
    while k < length {
        if a[k] != b[k] { return false }
        k &+= 1
    }
    return true
}

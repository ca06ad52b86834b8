/// How a compiled slot checks its value. One byte, so the hot loop switches on a small integer.
enum FastKind: UInt8 {
    case string, boolean, integer, enumeration, dateTimeOffset, localDateTime, duration, stringArray, object
    /// `@odata.type` of a multi-subtype body: a string equal, byte for byte, to the subtype being checked.
    case odataType
    /// `@odata.type` of a single-body operation: known, any JSON value (the reporting path doesn't judge it).
    case anyValue
    /// A name whose presence is always reported (an alias, a disputed property): the fast path can't settle it.
    case alwaysReport
}

/// One property of one object shape, flattened from a `FieldRule`.
struct FastSlot {
    var kind: FastKind
    /// This slot's bit in the shape's seen/required masks.
    var bit: UInt64
    var nullable: Bool
    var nonEmpty: Bool
    /// Whether a type failure may be a documented alternate shape (spec 9 #2, #3), so it is not a certain violation.
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
}

/// The accepted members of one enumeration field for one API version: ranges into the byte pool.
struct FastEnumSet {
    var start: Int
    var count: Int
}

struct FastByteRange {
    var offset: Int
    var length: Int
}

/// The bodies an operation can have: one shape, or one per `@odata.type`.
struct FastOperationEntry {
    var bodyIndices: [Int]
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

/// FNV-1a over a name's bytes; the scanner computes the same hash while it looks for the closing quote.
@inline(__always)
func fastNameHash(_ hash: UInt32, _ byte: UInt8) -> UInt32 { (hash ^ UInt32(byte)) &* 16_777_619 }
let fastNameHashSeed: UInt32 = 2_166_136_261

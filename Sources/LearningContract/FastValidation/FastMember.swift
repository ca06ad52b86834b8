/// One member of a body's top-level object as the reporting pass saw it: its decoded name, the slot it names
/// (or none), where its value is, and whether the value passed the compiled checks without meeting a
/// documented contradiction. Only members that are not `clean` (and unknown or repeated names) ever become
/// Swift values in the report.
struct FastMember {
    /// The decoded name: in the payload, or in the pass's arena when it has an escape.
    var name: UnsafePointer<UInt8>
    var nameLength: Int
    /// Offset of the slot from `FastShape.slotStart`, or -1 for a name no rule has.
    var slot: Int
    /// The value's bytes, `valueStart..<valueEnd` (one complete JSON value).
    var valueStart: Int
    var valueEnd: Int
    /// The value passed every compiled check of its slot and met no contradiction.
    var clean: Bool
    /// For the `@odata.type` of a multi-subtype body: the body whose type the value names, -1 for a string
    /// naming none, -2 for a value that isn't a string.
    var typeMatch: Int = -2
}

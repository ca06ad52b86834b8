import LearningContract

/// Member lookups by the name's exact bytes. `JSONObject`'s own subscript compares names with `String ==`
/// (canonical equivalence), and returns the first of duplicate members; where a member decides who a caller is
/// (token claims) the emulator needs neither.
extension JSONObject {
    /// The value of the first member whose name has exactly the bytes of `name`.
    func exactMember(_ name: String) -> JSONValue? {
        members.first { ExactKey.same($0.key, name) }?.value
    }

    /// Whether two members have byte-identical names (one hashed pass).
    var hasDuplicateMemberNames: Bool {
        var seen = Set<ExactKey>(minimumCapacity: members.count)
        for member in members where !seen.insert(ExactKey(member.key)).inserted { return true }
        return false
    }
}

/// `JSONObject`'s subscript finds a member by its name's exact bytes but returns the first of duplicate members;
/// where a member decides who a caller is (token claims) the test-token parser refuses duplicates outright.
extension JSONObject {
    /// Whether two members have byte-identical names (one hashed pass).
    public var hasDuplicateMemberNames: Bool {
        var seen = Set<ExactKey>(minimumCapacity: members.count)
        for member in members where !seen.insert(ExactKey(member.key)).inserted { return true }
        return false
    }
}

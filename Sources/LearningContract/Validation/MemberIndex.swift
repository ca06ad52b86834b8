import Foundation

/// Where each name of one JSON object first appears, and which names repeat: built in one pass, so the
/// validator is linear in the number of members. Names are compared by their UTF-8 bytes (Unicode scalars),
/// never by Swift's canonical equivalence: `"caf\u00e9"` and `"cafe\u0301"` are different names, as they are to
/// JSON and to a JSON Schema validator.
struct MemberIndex {
    /// A name hashed and compared by its bytes.
    typealias Name = ExactKey

    /// Objects up to this size are searched linearly (a request body has a dozen members); larger ones hashed.
    static let linearLimit = 16

    let members: [JSONObject.Member]
    private var firstIndex: [Name: Int] = [:]
    private var counts: [Name: Int] = [:]
    /// Names that appear more than once, in the order of their second appearance, with how often they appear.
    private(set) var repeated: [(key: String, count: Int)] = []

    init(_ object: JSONObject) {
        members = object.members
        if members.count <= Self.linearLimit {
            for i in members.indices.dropFirst() {
                let key = members[i].key
                var earlier = 0
                for j in 0..<i where ExactKey.same(members[j].key, key) { earlier += 1 }
                // Report at the second appearance only.
                if earlier == 1 {
                    repeated.append((key, members.count { ExactKey.same($0.key, key) }))
                }
            }
            return
        }
        firstIndex.reserveCapacity(members.count)
        var order: [Name] = []
        for (i, member) in members.enumerated() {
            let name = Name(member.key)
            if firstIndex[name] == nil {
                firstIndex[name] = i
            } else {
                let count = counts[name, default: 1] + 1
                counts[name] = count
                if count == 2 { order.append(name) }
            }
        }
        repeated = order.map { ($0.text, counts[$0] ?? 2) }
    }

    /// The position of the first member named `key`, byte for byte.
    func first(_ key: String) -> Int? {
        if members.count <= Self.linearLimit {
            return members.firstIndex { ExactKey.same($0.key, key) }
        }
        return firstIndex[Name(key)]
    }

    /// The value of the first member named `key`.
    func value(_ key: String) -> JSONValue? { first(key).map { members[$0].value } }
}

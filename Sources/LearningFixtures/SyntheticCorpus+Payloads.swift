import LearningContract

/// Builds the members of one payload as (name, raw JSON value) pairs, then breaks them on request.
struct PayloadBuilder {
    var random: SplitMix64

    typealias Member = (name: String, value: String)

    static let assignmentType = "\"#microsoft.graph.learningAssignment\""
    static let selfInitiatedType = "\"#microsoft.graph.learningSelfInitiatedCourse\""

    static func serialize(_ members: [Member]) -> [UInt8] {
        var text = "{"
        for (i, member) in members.enumerated() {
            if i > 0 { text += "," }
            text += "\"\(member.name)\":\(member.value)"
        }
        text += "}"
        return Array(text.utf8)
    }

    mutating func guid() -> String {
        let hex = Array("0123456789abcdef")
        var text = ""
        for i in 0..<32 {
            if [8, 12, 16, 20].contains(i) { text += "-" }
            text.append(hex[random.below(16)])
        }
        return text
    }

    mutating func quoted(_ text: String) -> String { "\"\(text)\"" }

    mutating func dateTimeOffset() -> String {
        let year = 2020 + random.below(6)
        let month = 1 + random.below(12)
        let day = 1 + random.below(28)
        let time = String(format2(random.below(24))) + ":" + format2(random.below(60)) + ":" + format2(random.below(60))
        let suffix = random.pick(["Z", "+00:00", "-07:00", ".1234567Z", ".000Z", "+05:30"])
        return "\"\(year)-\(format2(month))-\(format2(day))T\(time)\(suffix)\""
    }

    mutating func localDateTime() -> String {
        "\"\(2022 + random.below(4))-\(format2(1 + random.below(12)))-\(format2(1 + random.below(28)))T\(format2(random.below(24))):\(format2(random.below(60))):00.0000000\""
    }

    func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static let words = [
        "course", "module", "learner", "progress", "assignment", "deadline", "review", "quiz", "video", "chapter",
        "security", "compliance", "onboarding", "leadership", "Viva", "Learning", "complete", "before", "the", "end",
        "of", "quarter", "please", "résumé", "naïve", "café", "Übung", "—", "and", "notes",
    ]

    /// Prose with a few escapes and non-ASCII letters, `scalars` long or a little less.
    mutating func prose(scalars: Int) -> String {
        var text = ""
        var length = 0
        while length < scalars - 12 {
            var word = random.pick(Self.words)
            if random.chance(probability: 0.01) { word = "\\\"\(word)\\\"" }  // escaped quotes
            if random.chance(probability: 0.005) { word += "\\n" }
            if random.chance(probability: 0.002) { word += " 🎓" }
            text += word + " "
            length += word.unicodeScalars.count + 1
        }
        return text
    }

    mutating func percentage() -> String {
        let value = random.below(101)
        if random.chance(probability: 0.01) { return "\(value).0" }
        return "\(value)"
    }

    mutating func assignment(large: Bool) -> [Member] {
        let status = random.pick(["notStarted", "inProgress", "completed"])
        var members: [Member] = [
            ("@odata.type", Self.assignmentType),
            ("learningContentId", quoted(guid())),
            ("learnerUserId", quoted(guid())),
            ("learningProviderId", quoted(guid())),
            ("assignedDateTime", dateTimeOffset()),
            ("assignmentType", quoted(random.pick(["required", "recommended"]))),
            ("status", quoted(status)),
            ("completionPercentage", status == "completed" ? "100" : percentage()),
        ]
        if random.chance(probability: 0.7) { members.append(("assignerUserId", quoted(guid()))) }
        if status == "completed" { members.append(("completedDateTime", dateTimeOffset())) }
        if random.chance(probability: 0.8) { members.append(("dueDateTime", "{\"dateTime\":\(localDateTime()),\"timeZone\":\"\(random.pick(["UTC", "Pacific Standard Time", "Europe/Paris"]))\"}")) }
        if random.chance(probability: 0.5) { members.append(("externalCourseActivityId", quoted("ext-\(random.below(1_000_000))"))) }
        let content = large ? prose(scalars: 61_500 + random.below(1_000)) : prose(scalars: 60 + random.below(120))
        members.append(("notes", "{\"contentType\":\"\(random.pick(["text", "html"]))\",\"content\":\"\(content)\"}"))
        shuffle(&members)
        return members
    }

    mutating func selfInitiated() -> [Member] {
        let status = random.pick(["inProgress", "completed"])
        var members: [Member] = [
            ("@odata.type", Self.selfInitiatedType),
            ("learningContentId", quoted(guid())),
            ("learnerUserId", quoted(guid())),
            ("learningProviderId", quoted(guid())),
            ("startedDateTime", dateTimeOffset()),
            ("status", quoted(status)),
            ("completionPercentage", status == "completed" ? "100" : percentage()),
            ("externalCourseActivityId", quoted("ext-\(guid())")),
        ]
        if status == "completed" { members.append(("completedDateTime", dateTimeOffset())) }
        shuffle(&members)
        return members
    }

    /// Mostly `@odata.type` first in documentation order; some payloads put it last or anywhere.
    mutating func shuffle(_ members: inout [Member]) {
        if random.chance(probability: 0.1) {
            members.append(members.removeFirst())
        } else if random.chance(probability: 0.2) {
            for i in stride(from: members.count - 1, to: 0, by: -1) { members.swapAt(i, random.below(i + 1)) }
        }
    }

    mutating func replace(_ name: String, with value: String, in members: inout [Member]) {
        if let i = members.firstIndex(where: { $0.name == name }) { members[i].value = value } else { members.append((name, value)) }
    }

    /// Breaks a valid payload in the way `mutation` names; returns the bytes.
    mutating func apply(_ mutation: SyntheticCorpus.Mutation, to members: inout [Member], assignment: Bool) -> [UInt8] {
        switch mutation {
        case .missingField:
            let required = assignment ? ["learnerUserId", "learningContentId", "status", "assignmentType"] : ["learnerUserId", "learningContentId"]
            let name = random.pick(required)
            members.removeAll { $0.name == name }
        case .percentageOutOfRange:
            replace("completionPercentage", with: random.pick(["101", "-1", "250", "1000", "-20", "1e3"]), in: &members)
        case .wrongType:
            switch random.below(4) {
            case 0: replace("completionPercentage", with: "\"50\"", in: &members)
            case 1: replace("learnerUserId", with: "12345", in: &members)
            case 2: replace("status", with: "1", in: &members)
            default: replace("completedDateTime", with: "true", in: &members)
            }
        case .badEnum:
            if assignment && random.chance(probability: 0.3) {
                replace("assignmentType", with: quoted(random.pick(["mandatory", "Required", "optional"])), in: &members)
            } else {
                replace("status", with: quoted(random.pick(["done", "Completed", "finished", "in_progress", ""])), in: &members)
            }
        case .badDate:
            let name = assignment ? "assignedDateTime" : "startedDateTime"
            let bad = random.pick([
                "2021-02-30T10:00:00Z", "2021-13-01T00:00:00Z", "2021-05-11 22:57:17Z", "2021-05-11T25:00:00Z",
                "2021-05-11T22:57:17", "2021-5-11T22:57:17Z", "11/05/2021", "2021-05-11T22:57:17+24:00", "",
            ])
            replace(name, with: quoted(bad), in: &members)
        case .overLongString:
            if random.chance(probability: 0.5) {
                replace("learnerUserId", with: quoted(String(repeating: "a", count: 257 + random.below(100))), in: &members)
            } else {
                replace("externalCourseActivityId", with: quoted("ext-" + String(repeating: "x", count: 260)), in: &members)
            }
        case .unknownProperty:
            members.insert((random.pick(["courseName", "completionPercent", "Status", "score"]), random.pick(["\"x\"", "42", "{\"a\":1}"])),
                           at: random.below(members.count + 1))
        case .malformedJSON:
            return malformed(PayloadBuilder.serialize(members))
        case .duplicateKey:
            let member = members[random.below(members.count)]
            members.insert(member, at: random.below(members.count + 1))
        case .badODataType:
            if random.chance(probability: 0.3) {
                members.removeAll { $0.name == "@odata.type" }
            } else {
                replace("@odata.type", with: quoted(random.pick(["#microsoft.graph.learningCourse", "microsoft.graph.learningAssignment", "#Microsoft.Graph.LearningAssignment"])), in: &members)
            }
        case .nullRequired:
            replace(random.pick(["learnerUserId", "learningContentId", "status"]), with: "null", in: &members)
        case .emptyString:
            replace(random.pick(["learnerUserId", "learningContentId"]), with: "\"\"", in: &members)
        case .fractionalPercentage:
            replace("completionPercentage", with: random.pick(["50.5", "0.1", "99.99", "1e-1"]), in: &members)
        case .otherSubtypeField:
            if assignment {
                replace("startedDateTime", with: "\"2021-05-11T22:57:17Z\"", in: &members)
                replace("@odata.type", with: Self.selfInitiatedType, in: &members)
            } else {
                replace("assignmentType", with: "\"required\"", in: &members)
            }
        }
        return PayloadBuilder.serialize(members)
    }

    /// Byte-level damage that makes the payload not JSON (never a raw line feed: the corpus is JSON Lines).
    mutating func malformed(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        switch random.below(10) {
        case 0: bytes.insert(UInt8(ascii: ","), at: bytes.count - 1)                                   // trailing comma
        case 1: bytes.removeLast()                                                                        // unclosed object
        case 2: bytes = Array(bytes.prefix(1 + random.below(bytes.count - 1)))                             // truncated
        case 3: if let i = bytes.firstIndex(of: UInt8(ascii: "\"")) { bytes[i] = UInt8(ascii: "'") }        // single quote
        case 4: if let i = bytes.firstIndex(of: UInt8(ascii: ":")) { bytes.remove(at: i) }                  // missing colon
        case 5: if let i = bytes.lastIndex(of: UInt8(ascii: "\"")) { bytes.insert(0x09, at: i) }            // raw tab in a string
        case 6: if let i = bytes.lastIndex(of: UInt8(ascii: "\"")) { bytes.insert(contentsOf: [0xC3, 0x28], at: i) }  // bad UTF-8
        case 7: bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)                                       // byte order mark
        case 8: bytes.insert(contentsOf: Array(",\"x\":NaN".utf8), at: bytes.count - 1)                     // NaN
        default: bytes.insert(contentsOf: Array(",\"n\":012".utf8), at: bytes.count - 1)                    // leading zero
        }
        return bytes
    }
}

import LearningContract

/// Named shapes of create-activity bodies, so the benchmark and the tests can enumerate them: both subtypes in
/// random key order, each documented variant and each reading of a contradiction, `\u` escapes and surrogate
/// pairs, astral characters at the length limits, long `notes.content`, nulls, dates with fractions, offsets,
/// leap days and long years, and every invalid category of `Mutation`.
extension SyntheticCorpus {
    public enum Shape: String, Sendable, CaseIterable, Codable {
        // Valid, no variant.
        case assignment, selfInitiated, escapes, denseEscapes, astralAtLimits, longNotes, nulls, dates, annotations
        // Valid only under a documented (lenient) reading: one shape per reading.
        case docsSelfInitiatedExample, selfInitiatedWithoutStatus, selfInitiatedNotStarted, dueDateTimeAsString
        case notesAsString, metadataExternalIdSpelling, peerRecommended, statusUnknownFutureValue, serverGeneratedId
        case startedDateTimeOnAssignment
        // Invalid: one shape per category.
        case missingField, percentageOutOfRange, wrongType, badEnum, badDate, overLongString, unknownProperty
        case malformedJSON, duplicateKey, badODataType, nullRequired, emptyString, fractionalPercentage, otherSubtypeField
        case bothExternalIdSpellings, leapDayInCommonYear, offsetBeyond2359, astralOverLimit

        /// Whether a body of this shape is valid under the default (lenient) configuration.
        public var isValid: Bool { Self.validShapes.contains(self) }

        /// The documented contradiction a body of this shape is read under, if any.
        public var ambiguity: Ambiguity.ID? {
            switch self {
            case .docsSelfInitiatedExample: .learningProviderIdRequired
            case .selfInitiatedWithoutStatus: .selfInitiatedStatusRequired
            case .selfInitiatedNotStarted: .selfInitiatedStatusValues
            case .dueDateTimeAsString: .dueDateTimeShape
            case .notesAsString: .notesShape
            case .metadataExternalIdSpelling: .externalCourseActivityIdSpelling
            case .peerRecommended: .peerRecommendedOnCreate
            case .statusUnknownFutureValue: .courseStatusSentinel
            case .serverGeneratedId: .serverGeneratedFieldsInCreate
            case .startedDateTimeOnAssignment: .startedDateTimeOnAssignment
            default: nil
            }
        }

        static let validShapes: Set<Shape> = [
            .assignment, .selfInitiated, .escapes, .denseEscapes, .astralAtLimits, .longNotes, .nulls, .dates, .annotations,
            .docsSelfInitiatedExample, .selfInitiatedWithoutStatus, .selfInitiatedNotStarted, .dueDateTimeAsString,
            .notesAsString, .metadataExternalIdSpelling, .peerRecommended, .statusUnknownFutureValue, .serverGeneratedId,
            .startedDateTimeOnAssignment,
        ]

        /// The invalid categories that are `Mutation`s of a valid body.
        var mutation: Mutation? { Mutation(rawValue: rawValue) }
    }

    /// The mix of the benchmark's mixed corpus: every shape equally often, except `longNotes` (about 60 KiB
    /// each), which is one body in 200 so it doesn't make up most of the bytes.
    public static func mixedShape(_ random: inout SplitMix64) -> Shape {
        if random.below(200) == 0 { return .longNotes }
        let others = Shape.allCases.filter { $0 != .longNotes }
        return others[random.below(others.count)]
    }

    /// One body of `shape`; the same seed gives the same bytes.
    public static func payload(_ shape: Shape, seed: UInt64) -> Payload {
        var builder = PayloadBuilder(random: SplitMix64(seed: seed ^ 0xD1B5_4A32_D192_ED03))
        return Payload(bytes: builder.build(shape), mutation: shape.mutation, operation: .createActivity, shape: shape)
    }

    /// `count` bodies of the mixed corpus (see `mixedShape`), or of one shape.
    public static func shapes(count: Int, seed: UInt64, only: Shape? = nil) -> [Payload] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { i in
            let shape = only ?? mixedShape(&random)
            return payload(shape, seed: seed &+ UInt64(i) &* 0x9E37_79B9_7F4A_7C15)
        }
    }
}

extension PayloadBuilder {
    /// Some member names with an escape (`\u0073tatus`): equal to the plain name once decoded.
    mutating func escapeNames(_ members: inout [Member]) {
        for i in members.indices where random.chance(probability: 0.3) {
            let name = members[i].name
            guard let first = name.unicodeScalars.first, first != "@" else { continue }
            let hex = String(first.value, radix: 16)
            members[i].name = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex + name.dropFirst()
        }
    }

    /// Escapes and non-ASCII characters: `\u` escapes, surrogate pairs, raw two- and four-byte characters.
    static let escapePieces = ["\\u00e9", "\\ud83c\\udf93", "\\u2014", "é", "😀", "\\\"", "\\\\", "\\n", "\\t", "\\/", "\\u0041"]

    /// Nothing but escapes and non-ASCII characters, `scalars` of them.
    mutating func escapedText(scalars: Int) -> String {
        var text = ""
        for _ in 0..<scalars { text += random.pick(Self.escapePieces) }
        return text
    }

    /// Prose with an escape or a non-ASCII character after about every other word, about `scalars` scalars.
    mutating func escapedProse(scalars: Int) -> String {
        var text = ""
        var length = 0
        while length < scalars {
            let word = random.pick(Self.words)
            text += word + " "
            length += word.unicodeScalars.count + 1
            if random.chance(probability: 0.5) {
                text += random.pick(Self.escapePieces)
                length += 1
            }
        }
        return text
    }

    mutating func randomDate() -> String {
        let candidates = [
            "2024-02-29T10:00:00Z", "2000-02-29T00:00:00.5+05:30", "2021-12-31T23:59:59.999999999999-23:59",
            "12021-06-30T12:00:00+14:00", "2021-04-30T00:00:00.1234567Z", "1600-02-29T00:00:00Z", "2023-01-31T08:15:00-00:00",
        ]
        return quoted(random.pick(candidates))
    }

    /// The bytes of one body of `shape`.
    mutating func build(_ shape: SyntheticCorpus.Shape) -> [UInt8] {
        switch shape {
        case .assignment:
            return Self.serialize(fullShuffle(assignment(large: false)))
        case .selfInitiated:
            return Self.serialize(fullShuffle(selfInitiated()))
        case .escapes:
            var members = assignment(large: false)
            replace("externalCourseActivityId", with: quoted(escapedText(scalars: 40)), in: &members)
            replace("notes", with: "{\"contentType\":\"text\",\"content\":\"\(escapedProse(scalars: 400))\"}", in: &members)
            replace("status", with: "\"\\u006eotStarted\"", in: &members)
            replace("completionPercentage", with: "0", in: &members)
            members.removeAll { $0.name == "completedDateTime" }
            escapeNames(&members)
            return Self.serialize(fullShuffle(members))
        case .denseEscapes:
            // The worst case for a scanner: every character of the notes an escape or a non-ASCII character.
            var members = assignment(large: false)
            replace("notes", with: "{\"contentType\":\"text\",\"content\":\"\(escapedText(scalars: 200))\"}", in: &members)
            return Self.serialize(fullShuffle(members))
        case .astralAtLimits:
            var members = selfInitiated()
            replace("learnerUserId", with: quoted(String(repeating: "😀", count: 256)), in: &members)
            replace("externalCourseActivityId", with: quoted(String(repeating: "\\ud83c\\udf93", count: 256)), in: &members)
            return Self.serialize(fullShuffle(members))
        case .longNotes:
            return Self.serialize(fullShuffle(assignment(large: true)))
        case .nulls:
            var members = assignment(large: false)
            for name in ["assignedDateTime", "assignerUserId", "completedDateTime", "dueDateTime", "externalCourseActivityId", "notes", "completionPercentage"] {
                replace(name, with: "null", in: &members)
            }
            return Self.serialize(fullShuffle(members))
        case .dates:
            var members = assignment(large: false)
            replace("assignedDateTime", with: randomDate(), in: &members)
            replace("completedDateTime", with: randomDate(), in: &members)
            replace("dueDateTime", with: "{\"dateTime\":\"2024-02-29T23:59:59.1234567\",\"timeZone\":\"UTC\"}", in: &members)
            return Self.serialize(fullShuffle(members))
        case .annotations:
            var members = selfInitiated()
            members += [("@odata.context", "\"https://graph.microsoft.com/v1.0/$metadata#x\""), ("status@odata.type", "\"#x\""), ("a@\\u0301", "1")]
            return Self.serialize(fullShuffle(members))
        case .docsSelfInitiatedExample:
            // On one line, for JSON Lines: a raw line feed can only be whitespace between tokens in valid JSON.
            return Array(DocumentedExample.createSelfInitiated.body.utf8).filter { $0 != 0x0A }
        case .selfInitiatedWithoutStatus:
            var members = selfInitiated()
            members.removeAll { $0.name == "status" }
            return Self.serialize(fullShuffle(members))
        case .selfInitiatedNotStarted:
            var members = selfInitiated()
            replace("status", with: "\"notStarted\"", in: &members)
            replace("completionPercentage", with: "0", in: &members)
            members.removeAll { $0.name == "completedDateTime" }
            return Self.serialize(fullShuffle(members))
        case .dueDateTimeAsString:
            var members = assignment(large: false)
            replace("dueDateTime", with: dateTimeOffset(), in: &members)
            return Self.serialize(fullShuffle(members))
        case .notesAsString:
            var members = assignment(large: false)
            replace("notes", with: quoted(prose(scalars: 80)), in: &members)
            return Self.serialize(fullShuffle(members))
        case .metadataExternalIdSpelling:
            var members = selfInitiated()
            members.removeAll { $0.name == "externalCourseActivityId" }
            members.append((TypeModel.externalCourseActivityId.metadataSpelling, quoted("ext-\(guid())")))
            return Self.serialize(fullShuffle(members))
        case .peerRecommended:
            var members = assignment(large: false)
            replace("assignmentType", with: "\"peerRecommended\"", in: &members)
            return Self.serialize(fullShuffle(members))
        case .statusUnknownFutureValue:
            var members = assignment(large: false)
            replace("status", with: "\"unknownFutureValue\"", in: &members)
            return Self.serialize(fullShuffle(members))
        case .serverGeneratedId:
            var members = selfInitiated()
            members.append(("id", quoted(guid())))
            return Self.serialize(fullShuffle(members))
        case .startedDateTimeOnAssignment:
            var members = assignment(large: false)
            replace("startedDateTime", with: dateTimeOffset(), in: &members)
            return Self.serialize(fullShuffle(members))
        case .bothExternalIdSpellings:
            var members = selfInitiated()
            members.append((TypeModel.externalCourseActivityId.metadataSpelling, quoted("ext-\(guid())")))
            return Self.serialize(fullShuffle(members))
        case .leapDayInCommonYear:
            var members = selfInitiated()
            replace("startedDateTime", with: quoted(random.pick(["2100-02-29T00:00:00Z", "2023-02-29T10:00:00+01:00", "1900-02-29T00:00:00Z"])), in: &members)
            return Self.serialize(fullShuffle(members))
        case .offsetBeyond2359:
            var members = selfInitiated()
            replace("startedDateTime", with: quoted(random.pick(["2021-05-11T22:57:17+24:00", "2021-05-11T22:57:17-57:73", "2021-05-11T22:57:17+23:60"])), in: &members)
            return Self.serialize(fullShuffle(members))
        case .astralOverLimit:
            var members = selfInitiated()
            replace("learnerUserId", with: quoted(String(repeating: "😀", count: 257)), in: &members)
            return Self.serialize(fullShuffle(members))
        default:
            // The `Mutation` categories: a valid body of either subtype, broken one way.
            let assignment = random.chance(probability: 0.5)
            var members = fullShuffle(assignment ? self.assignment(large: false) : selfInitiated())
            return apply(shape.mutation!, to: &members, assignment: assignment)
        }
    }

    /// Every key order equally likely.
    mutating func fullShuffle(_ members: [Member]) -> [Member] {
        var members = members
        for i in stride(from: members.count - 1, to: 0, by: -1) { members.swapAt(i, random.below(i + 1)) }
        return members
    }
}

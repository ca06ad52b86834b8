extension ConformanceReport {
    /// How much of a report is detailed. Everything a target sends back (bodies, header values, member names)
    /// ends up in a report, so every report (text, JSON, JUnit, HTML) is rendered from `bounded(by:)`, and
    /// says what it left out. The counts in the summary always cover everything, shown or not.
    ///
    /// With the default budget a report details at most `maxDetailedItems` list entries of at most
    /// `maxFieldBytes` per string: a few megabytes at worst, whatever the target answered.
    public struct Budget: Sendable, Hashable, Codable {
        /// The longest string echoed (an expected or actual value, a curl line, a note), in UTF-8 bytes;
        /// a longer one is cut at a character boundary and says how long it was.
        public var maxFieldBytes: Int
        /// Entries detailed per list per scenario (deviations, variants, extra members, skip reasons, notes).
        public var maxItemsPerScenario: Int
        /// Entries detailed in the whole report, over all scenarios and lists, in scenario order.
        public var maxDetailedItems: Int

        public init(maxFieldBytes: Int = 2_048, maxItemsPerScenario: Int = 25, maxDetailedItems: Int = 500) {
            self.maxFieldBytes = max(64, maxFieldBytes)
            self.maxItemsPerScenario = max(1, maxItemsPerScenario)
            self.maxDetailedItems = max(1, maxDetailedItems)
        }

        public static let `default` = Budget()
    }

    /// What a bounded report left out: entries not detailed (they still count in the summary) and strings cut.
    public struct Omissions: Sendable, Hashable, Codable {
        public var deviations = 0, variants = 0, extraFields = 0, skipReasons = 0, notes = 0
        /// Strings cut to `maxFieldBytes` (each one says so where it was cut).
        public var truncatedStrings = 0

        public init(deviations: Int = 0, variants: Int = 0, extraFields: Int = 0, skipReasons: Int = 0, notes: Int = 0,
                    truncatedStrings: Int = 0) {
            self.deviations = deviations; self.variants = variants; self.extraFields = extraFields
            self.skipReasons = skipReasons; self.notes = notes; self.truncatedStrings = truncatedStrings
        }

        public var isEmpty: Bool { self == Omissions() }
        var entries: Int { deviations + variants + extraFields + skipReasons + notes }

        static func + (a: Omissions, b: Omissions) -> Omissions {
            Omissions(deviations: a.deviations + b.deviations, variants: a.variants + b.variants,
                      extraFields: a.extraFields + b.extraFields, skipReasons: a.skipReasons + b.skipReasons,
                      notes: a.notes + b.notes, truncatedStrings: a.truncatedStrings + b.truncatedStrings)
        }

        /// `1,234 deviations, 3 notes not shown; 2 strings truncated`, or nil when nothing was left out.
        public var sentence: String? {
            let lists = [(deviations, "deviation"), (variants, "variant"), (extraFields, "extra member"),
                         (skipReasons, "skip reason"), (notes, "note")]
                .filter { $0.0 > 0 }.map { Self.plural($0.0, $0.1) }
            var parts: [String] = []
            if !lists.isEmpty { parts.append(lists.joined(separator: ", ") + " not shown") }
            if truncatedStrings > 0 { parts.append(Self.plural(truncatedStrings, "string") + " truncated") }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }

        static func plural(_ count: Int, _ noun: String) -> String {
            "\(grouped(count)) \(noun)\(count == 1 ? "" : "s")"
        }

        /// `1234567` as `1,234,567`.
        static func grouped(_ value: Int) -> String {
            let digits = String(value.magnitude)
            var out = ""
            for (index, digit) in digits.enumerated() {
                if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
                out.append(digit)
            }
            return (value < 0 ? "-" : "") + out
        }
    }

    /// This report within `budget`: long strings cut (each saying how long it was), list entries beyond the
    /// per-scenario and whole-report limits dropped and counted in each scenario's `omitted` and the report's.
    /// Under budget it is the report itself (`omitted` stays nil).
    public func bounded(by budget: Budget = .default) -> ConformanceReport {
        var cutter = Cutter(budget: budget)
        var out = self
        out.target = cutter.cut(target)
        out.unreachable = unreachable.map { cutter.cut($0) }
        var remaining = budget.maxDetailedItems
        // Strings of the report itself cut now or by an earlier bounding (the rest is counted per scenario).
        let earlier = (omitted?.truncatedStrings ?? 0) - scenarios.reduce(0) { $0 + ($1.omitted?.truncatedStrings ?? 0) }
        var total = Omissions(truncatedStrings: cutter.truncated + max(0, earlier))
        out.scenarios = scenarios.map { result in
            var scenarioCutter = Cutter(budget: budget)
            var bounded = result
            var omitted = result.omitted ?? Omissions()
            func take<T>(_ items: [T], _ count: WritableKeyPath<Omissions, Int>, _ bound: (inout Cutter, T) -> T) -> [T] {
                let limit = min(items.count, budget.maxItemsPerScenario, remaining)
                remaining -= limit
                omitted[keyPath: count] += items.count - limit
                return items.prefix(limit).map { bound(&scenarioCutter, $0) }
            }
            bounded.id = scenarioCutter.cut(result.id)
            bounded.title = scenarioCutter.cut(result.title)
            bounded.file = scenarioCutter.cut(result.file)
            bounded.source = result.source.map { scenarioCutter.cut($0) }
            bounded.tags = result.tags.prefix(budget.maxItemsPerScenario).map { scenarioCutter.cut($0) }
            bounded.skipReasons = take(result.skipReasons, \.skipReasons) { $0.cut($1) }
            bounded.deviations = take(result.deviations, \.deviations) { $0.cut($1) }
            bounded.variants = take(result.variants, \.variants) { $0.cut($1) }
            bounded.extraFields = take(result.extraFields, \.extraFields) { $0.cut($1) }
            bounded.notes = take(result.notes, \.notes) { $0.cut($1) }
            omitted.truncatedStrings += scenarioCutter.truncated
            bounded.omitted = omitted.isEmpty ? nil : omitted
            total = total + (bounded.omitted ?? Omissions())
            return bounded
        }
        out.omitted = total.isEmpty ? nil : total
        return out
    }

    /// Cuts strings to the budget and counts what it cut.
    struct Cutter {
        var budget: Budget
        var truncated = 0

        mutating func cut(_ text: String) -> String {
            guard let cut = ConformanceReport.truncate(text, toBytes: budget.maxFieldBytes) else { return text }
            truncated += 1
            return cut
        }

        mutating func cut(_ deviation: Deviation) -> Deviation {
            var d = deviation
            d.scenario = cut(d.scenario); d.stepName = cut(d.stepName); d.pointer = cut(d.pointer)
            d.expected = cut(d.expected); d.actual = cut(d.actual); d.curl = cut(d.curl)
            d.row = d.row.map { cut($0) }; d.source = d.source.map { cut($0) }
            return d
        }

        mutating func cut(_ hit: VariantHit) -> VariantHit {
            var h = hit
            h.scenario = cut(h.scenario); h.pointer = cut(h.pointer); h.canonical = cut(h.canonical); h.actual = cut(h.actual)
            h.row = h.row.map { cut($0) }; h.ambiguity = h.ambiguity.map { cut($0) }
            return h
        }
    }

    /// `text` cut at a character boundary so that, with the marker saying how long it was
    /// (`… [truncated: 8,000,000 bytes in all]`), it takes at most `limit` UTF-8 bytes (or just the marker, when
    /// `limit` is shorter than that); nil when it fits. A cut string fits, so cutting twice changes nothing.
    public static func truncate(_ text: String, toBytes limit: Int) -> String? {
        let bytes = text.utf8.count
        guard bytes > limit else { return nil }
        let marker = "… [truncated: \(Omissions.grouped(bytes)) bytes in all]"
        let room = limit - marker.utf8.count
        var kept = 0
        var end = text.startIndex
        for index in text.indices {
            let next = text.index(after: index)
            let size = text.utf8.distance(from: index, to: next)
            if kept + size > room { break }
            kept += size
            end = next
        }
        return String(text[..<end]) + marker
    }
}

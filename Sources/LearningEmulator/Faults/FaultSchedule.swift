import LearningContract

/// The counters of a list of fault rules. Not thread-safe by itself: its owner holds a lock around `next`.
struct FaultSchedule: Sendable {
    private(set) var rules: [FaultRule]
    private var matched: [Int]
    private var fired: [Int]

    init(_ rules: [FaultRule] = []) {
        self.rules = rules
        self.matched = Array(repeating: 0, count: rules.count)
        self.fired = Array(repeating: 0, count: rules.count)
    }

    var isEmpty: Bool { rules.isEmpty }

    /// Adds rules after the existing ones; the counters of the existing rules go on where they were (a spent
    /// `times=1` rule stays spent).
    mutating func append(_ more: [FaultRule]) {
        rules += more
        matched += Array(repeating: 0, count: more.count)
        fired += Array(repeating: 0, count: more.count)
    }

    /// Counts the request against every matching rule and returns what fires. A rule is due on every `every`-th
    /// request it matches. Of the due rules, the first with a status answers (unless `answered`: an earlier schedule
    /// already chose the answer), and only it spends one of its `times`; a due rule with a status that does not
    /// answer neither fires nor spends, and stays due for the next matching request. Due latency-only rules fire
    /// and spend, and the largest latency among the firing rules delays the answer.
    mutating func next(operation: Operation, method: String, answered: Bool = false) -> FaultDecision? {
        var decision = FaultDecision()
        var any = false
        var statusTaken = answered
        for i in rules.indices where rules[i].matches(operation: operation, method: method) {
            let rule = rules[i]
            // Rules built in code skip `FaultRule.problem`: an `every` below 1 never fires (instead of dividing by 0).
            guard rule.every >= 1 else { continue }
            if let times = rule.times, fired[i] >= times { continue }
            // Counts up to `every` and restarts, so no counter grows without bound.
            if matched[i] < rule.every - 1 {
                matched[i] += 1
                continue
            }
            if rule.status != nil {
                // Due, but another rule answers this request: stays due, spends nothing.
                if statusTaken { continue }
                statusTaken = true
                decision.rule = rule
            }
            matched[i] = 0
            if fired[i] < Int.max { fired[i] += 1 }
            any = true
            if let latency = rule.latencyMs { decision.latencyMs = max(decision.latencyMs, latency) }
        }
        return any ? decision : nil
    }
}

struct FaultDecision: Sendable {
    var rule: FaultRule?
    var latencyMs = 0

    func merged(with other: FaultDecision?) -> FaultDecision {
        guard let other else { return self }
        return FaultDecision(rule: rule ?? other.rule, latencyMs: max(latencyMs, other.latencyMs))
    }
}

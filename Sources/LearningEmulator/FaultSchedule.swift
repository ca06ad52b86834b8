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

    /// Counts the request against every matching rule and returns what fires: the first firing rule with a
    /// status, and the largest latency among the firing rules.
    mutating func next(operation: Operation, method: String) -> FaultDecision? {
        var decision = FaultDecision()
        var any = false
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
            matched[i] = 0
            if fired[i] < Int.max { fired[i] += 1 }
            any = true
            if let latency = rule.latencyMs { decision.latencyMs = max(decision.latencyMs, latency) }
            if decision.rule == nil, rule.status != nil { decision.rule = rule }
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

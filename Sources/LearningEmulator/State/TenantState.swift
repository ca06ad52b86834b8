import LearningContract

/// Everything one tenant holds. A value: the store mutates it under its lock, readers copy what they need.
struct TenantState: Sendable {
    // Every identifier is keyed by its bytes (`ExactKey`), never by canonical equivalence.
    var providers = ExactDictionary<StoredProvider>()
    var contents = ExactDictionary<StoredContent>()
    var activities = ActivityTable()
    /// Activity ids per learner, in insertion order (the list operation's order).
    var activitiesByLearner = ExactDictionary<[String]>()
    /// Activity ids per external id, in insertion order (alternate-key lookups without a scan).
    var activitiesByExternalID = ExactDictionary<[String]>()
    var licenses = ExactDictionary<Bool>()
    var faults = FaultSchedule()
    var nextSequence = 0

    mutating func sequence() -> Int {
        nextSequence += 1
        return nextSequence
    }

    // MARK: Activities

    mutating func insert(_ activity: StoredActivity) {
        if let old = activities[activity.id] { removeFromIndexes(old) }
        activities[activity.id] = activity
        activitiesByLearner[activity.learnerID, default: []].append(activity.id)
        if let external = activity.externalID { activitiesByExternalID[external, default: []].append(activity.id) }
    }

    @discardableResult
    mutating func removeActivity(id: String) -> StoredActivity? {
        guard let old = activities.removeValue(forKey: id) else { return nil }
        removeFromIndexes(old)
        return old
    }

    private mutating func removeFromIndexes(_ activity: StoredActivity) {
        activitiesByLearner[activity.learnerID]?.removeAll { ExactKey.same($0, activity.id) }
        if activitiesByLearner[activity.learnerID]?.isEmpty == true { activitiesByLearner[activity.learnerID] = nil }
        if let external = activity.externalID {
            activitiesByExternalID[external]?.removeAll { ExactKey.same($0, activity.id) }
            if activitiesByExternalID[external]?.isEmpty == true { activitiesByExternalID[external] = nil }
        }
    }

    /// The activity an OData key addresses within a scope (no page says; provider-scoped ids must belong to the
    /// provider, user-scoped ones to the learner). External ids are matched exactly (case-sensitive, learn.microsoft.com/graph/query-parameters, Escaping single quotes; learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, example 2 (alternate key));
    /// when several activities share one (the docs do this, ambiguity externalIdUniqueness), the oldest wins.
    func activity(_ key: ActivityKey, providerID: String?, learnerID: String?) -> StoredActivity? {
        switch key {
        case .id(let id):
            guard let activity = activities[id] else { return nil }
            if let providerID, !ExactKey.same(activity.providerID, providerID) { return nil }
            if let learnerID, !ExactKey.same(activity.learnerID, learnerID) { return nil }
            return activity
        case .externalID(let external):
            // The index keeps insertion order, so the first match is the oldest.
            for id in activitiesByExternalID[external] ?? [] {
                guard let activity = activities[id] else { continue }
                if let providerID, !ExactKey.same(activity.providerID, providerID) { continue }
                if let learnerID, !ExactKey.same(activity.learnerID, learnerID) { continue }
                return activity
            }
            return nil
        }
    }

    // MARK: State documents

    /// Applies a state document (Conformance/STATE.md, "The state document"): seed, providers, contents, activities, licenses, faults.
    mutating func apply(_ state: EmulatorState) {
        if let seed = state.seed {
            self = seed == .docs ? DocsWorld.state() : TenantState()
        }
        for object in state.providers {
            guard let id = object["id"]?.stringValue else { continue }
            let sequence = providers[id]?.sequence ?? sequence()
            providers[id] = StoredProvider(id: id, sequence: sequence, properties: object)
        }
        for object in state.contents {
            guard let id = object["id"]?.stringValue, let provider = object["providerId"]?.stringValue else { continue }
            var properties = object
            properties["providerId"] = nil
            let sequence = contents[id]?.sequence ?? sequence()
            contents[id] = StoredContent(id: id, providerID: provider, sequence: sequence, properties: properties)
        }
        for object in state.activities {
            guard let id = object["id"]?.stringValue,
                  let type = ActivityType(rawValue: object["@odata.type"]?.stringValue ?? "") else { continue }
            let sequence = activities[id]?.sequence ?? sequence()
            insert(StoredActivity(id: id, type: type, sequence: sequence, from: object))
        }
        for (user, licensed) in state.licenses { licenses[user.text] = licensed }
        // Added after the tenant's rules, whose counters go on (a spent `times` stays spent).
        if !state.faults.isEmpty { faults.append(state.faults) }
    }

    /// The state document that recreates this tenant.
    var document: EmulatorState {
        EmulatorState(
            providers: providers.values.sorted { $0.sequence < $1.sequence }.map(\.object).map {
                var o = $0
                if o["isCourseActivitySyncEnabled"] == nil { o["isCourseActivitySyncEnabled"] = .bool(false) }
                return o
            },
            contents: contents.values.sorted { $0.sequence < $1.sequence }.map {
                var o = $0.object
                o.members.insert(.init(key: "providerId", value: .string($0.providerID)), at: 1)
                return o
            },
            licenses: Dictionary(uniqueKeysWithValues: licenses.keys.map { ($0, licenses[$0.text] ?? false) }),
            activities: activities.values.sorted { $0.sequence < $1.sequence }.map(\.object),
            faults: faults.rules)
    }
}

import Foundation
import LearningContract
import LearningHTTP

extension ConformanceRunner {
    /// The mutable record of one scenario run.
    struct ScenarioRun {
        let scenario: Scenario
        var deviations: [Deviation] = []
        var variants: [VariantHit] = []
        var extraFields: [String] = []
        var skipReasons: [String] = []
        var notes: [String] = []
        var stepsRun = 0
        var unreachable = false
        var throttled = false
        var variables: [String: JSONValue] = [:]
        /// The run's shared budgets, and this scenario's deadline.
        let budget: RunBudget
        let deadline: ContinuousClock.Instant
        /// On a shared tenant: what the steps created and have not deleted (`cleanUp` deletes it).
        var tracksCreations = false
        var created: [CreatedResource] = []
    }

    func runScenario(_ scenario: Scenario, info: TargetInfo, budget: RunBudget) async -> ScenarioResult {
        let started = ContinuousClock.now
        var run = ScenarioRun(scenario: scenario, budget: budget, deadline: started + configuration.scenarioTimeout)
        // A run whose throttling budget is spent, or whose target stopped answering, starts nothing more.
        if budget.isThrottledOut {
            run.throttled = true
            run.skipReasons.append("throttled out: the run's throttling budget (\(Self.seconds(budget.throttleBudget)), --throttle-budget) is spent")
            return finish(run, duration: ContinuousClock.now - started)
        }
        if let down = budget.downReason {
            run.unreachable = true
            run.skipReasons.append("not run: the target stopped answering earlier in the run (\(down))")
            return finish(run, duration: ContinuousClock.now - started)
        }
        let tenancy = tenancy(info)
        let tenantID: String?
        switch tenancy {
        case .fresh: tenantID = tenantIDs()
        case .shared(let shared): tenantID = shared; run.tracksCreations = true
        }
        if let tenantID { run.variables["tenantId"] = .string(tenantID) }
        run.variables["unique"] = .string(configuration.runID + "-" + scenario.id)
        run.variables.merge(profile(for: tenancy).variables) { _, new in new }

        // Requirements the target lacks skip the scenario, each named.
        run.skipReasons = lackingRequirements(scenario, tenancy: tenancy, info: info)
        guard run.skipReasons.isEmpty else { return finish(run, duration: ContinuousClock.now - started) }

        // Given: a fresh emulator tenant takes the whole document; then the provider states, Pact-style.
        if case .fresh = tenancy, let tenantID, let document = scenario.given ?? configuration.freshTenant?.state,
           let reason = await putState(document, tenantID: tenantID, run: run) {
            run.skipReasons.append(reason)
            return finish(run, duration: ContinuousClock.now - started)
        }
        var setUp: [ProviderStateReference] = []
        if !scenario.states.isEmpty, let url = stateChangeURL(info) {
            for state in scenario.states {
                if let reason = await changeState(state, action: "setup", url: url, tenantID: tenantID, run: &run) {
                    run.skipReasons.append(reason)
                    break
                }
                setUp.append(state)
            }
        }
        if run.skipReasons.isEmpty {
            for (index, step) in scenario.steps.enumerated() {
                if ContinuousClock.now >= run.deadline {
                    run.deviations.append(Deviation(
                        kind: .deadline, scenario: scenario.id, step: index + 1, stepName: step.name, pointer: "scenario",
                        expected: "the scenario done within \(Self.seconds(configuration.scenarioTimeout)) (--scenario-timeout)",
                        actual: "deadline passed before step \(index + 1) of \(scenario.steps.count)"))
                    break
                }
                await runStep(step, number: index + 1, tenantID: tenantID ?? "", info: info, run: &run)
                // An unreachable target, or a throttled step, ends the scenario: later steps depend on it.
                if run.unreachable || run.throttled { break }
            }
            if run.unreachable, let reason = run.deviations.last?.actual { budget.markDown(reason) }
            await cleanUp(&run)
        }
        if let url = stateChangeURL(info) {
            for state in setUp.reversed() {
                if let reason = await changeState(state, action: "teardown", url: url, tenantID: tenantID, run: &run) {
                    run.notes.append(reason.replacingOccurrences(of: "could not be set", with: "could not be torn down"))
                }
            }
        }
        if case .fresh = tenancy, let tenantID {
            // Clean-up gets its own short deadline: a scenario past its deadline still removes its tenant.
            let url = configuration.adminURL
            let delete = HTTPRequest(method: "DELETE", target: url.path + "/tenants/" + tenantID)
            _ = try? await send(delete, to: url, until: ContinuousClock.now + min(configuration.requestTimeout, .seconds(5)), run: run)
        }
        if !run.deviations.isEmpty {
            run.notes += reproductionNotes(scenario, tenantID: tenantID, info: info)
        }
        return finish(run, duration: ContinuousClock.now - started)
    }

    func finish(_ run: ScenarioRun, duration: Duration) -> ScenarioResult {
        let scenario = run.scenario
        var deviations = run.deviations
        if configuration.strict {
            // Under --strict, documented variants and undeclared members count as deviations.
            for hit in run.variants {
                deviations.append(Deviation(
                    kind: .variant, scenario: scenario.id, step: hit.step,
                    stepName: scenario.steps[safe: hit.step - 1]?.name ?? "", pointer: hit.pointer,
                    expected: hit.canonical, actual: hit.actual, row: hit.row,
                    source: hit.ambiguity.map { "ambiguity \($0)" }, curl: ""
                ))
            }
        }
        let status: ScenarioResult.Status =
            run.unreachable ? .unreachable
            : !deviations.isEmpty ? .failed
            : run.throttled ? .throttled
            : !run.skipReasons.isEmpty ? .skipped
            : .passed
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let redactor = Redactor(secrets: Array(configuration.credentials.values) + configuration.extraHeaderSecrets)
        // Everything below may hold text a target chose: bounded (with its length) after redaction.
        func bound(_ text: String) -> String { PeerText.bounded(redactor.scrub(text)) }
        return ScenarioResult(
            id: scenario.id, title: scenario.title, file: scenario.file, tags: scenario.tags,
            source: scenario.source?.description, status: status,
            deviations: deviations.map { Self.bounded(redactor.scrubbed($0)) }, variants: run.variants.map { Self.bounded(redactor.scrubbed($0)) },
            extraFields: run.extraFields.map(bound), skipReasons: run.skipReasons.map(bound),
            notes: run.notes.map(bound),
            stepsRun: run.stepsRun, durationSeconds: seconds
        )
    }

    static func bounded(_ deviation: Deviation) -> Deviation {
        var copy = deviation
        copy.pointer = PeerText.bounded(copy.pointer)
        copy.expected = PeerText.bounded(copy.expected)
        copy.actual = PeerText.bounded(copy.actual)
        copy.curl = PeerText.bounded(copy.curl, limit: 4 * CurlCommand.maxShown)
        return copy
    }

    static func bounded(_ variant: VariantHit) -> VariantHit {
        var copy = variant
        copy.pointer = PeerText.bounded(copy.pointer)
        copy.canonical = PeerText.bounded(copy.canonical)
        copy.actual = PeerText.bounded(copy.actual)
        return copy
    }

    /// `12 s`, `1.5 s`: a budget as the options give it.
    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    /// One request to the target: paced by `--rate-limit`, with a timeout that ends by `deadline` at the latest.
    /// A deadline already passed is a `.timedOut` without a byte sent.
    func send(_ request: HTTPRequest, to url: URL, until deadline: ContinuousClock.Instant, run: ScenarioRun) async throws(HTTPClientError) -> HTTPResponse {
        let pause = run.budget.reserveSlot()
        if pause > .zero { await sleeper(pause) }
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { throw .timedOut }
        var request = request
        for header in configuration.extraHeaders where request.headers[header.name] == nil {
            request.headers.append(name: header.name, value: header.value)
        }
        return try await transport.send(request, to: url, timeout: min(configuration.requestTimeout, remaining))
    }

    /// `$comment` members are for readers of the fixture, not for the target.
    static func removingComments(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            .object(JSONObject(object.members.filter { $0.key != "$comment" }.map { .init(key: $0.key, value: removingComments($0.value)) }))
        case .array(let items): .array(items.map(removingComments))
        default: value
        }
    }

    static func describe(_ error: HTTPClientError) -> String {
        switch error {
        case .invalidURL(let url): "invalid URL \(url)"
        case .connectionRefused(let detail): "connection refused: \(detail)"
        case .timedOut: "timed out"
        case .connectionReset: "connection reset"
        case .malformedResponse(let detail): "malformed response: \(detail)"
        case .responseTooLarge(let size): "response too large (over \(size) bytes)"
        case .notTLS(let detail), .other(let detail): detail
        }
    }
}

extension Redactor {
    func scrubbed(_ deviation: Deviation) -> Deviation {
        var copy = deviation
        copy.expected = scrub(copy.expected)
        copy.actual = scrub(copy.actual)
        copy.curl = scrub(copy.curl)
        return copy
    }

    func scrubbed(_ variant: VariantHit) -> VariantHit {
        var copy = variant
        copy.canonical = scrub(copy.canonical)
        copy.actual = scrub(copy.actual)
        return copy
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

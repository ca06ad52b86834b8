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
        /// On a shared tenant: what the steps created and have not deleted (`cleanUp` deletes it).
        var tracksCreations = false
        var created: [CreatedResource] = []
    }

    func runScenario(_ scenario: Scenario, info: TargetInfo) async -> ScenarioResult {
        let started = ContinuousClock.now
        var run = ScenarioRun(scenario: scenario)
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
        if case .fresh = tenancy, let tenantID,
           let reason = await putState(scenario.given ?? TargetProfile.emulatorWorld, tenantID: tenantID) {
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
                await runStep(step, number: index + 1, tenantID: tenantID ?? "", info: info, run: &run)
                if run.unreachable { break }
            }
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
            let url = configuration.adminURL
            let delete = HTTPRequest(method: "DELETE", target: url.path + "/tenants/" + tenantID)
            _ = try? await transport.send(delete, to: url, timeout: configuration.requestTimeout)
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
        let redactor = Redactor(secrets: Array(configuration.credentials.values))
        return ScenarioResult(
            id: scenario.id, title: scenario.title, file: scenario.file, tags: scenario.tags,
            source: scenario.source?.description, status: status,
            deviations: deviations.map { redactor.scrubbed($0) }, variants: run.variants.map { redactor.scrubbed($0) },
            extraFields: run.extraFields.map(redactor.scrub), skipReasons: run.skipReasons.map(redactor.scrub),
            notes: run.notes.map(redactor.scrub),
            stepsRun: run.stepsRun, durationSeconds: seconds
        )
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
        case .other(let detail): detail
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

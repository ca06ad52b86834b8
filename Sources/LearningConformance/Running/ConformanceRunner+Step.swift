import Foundation
import LearningContract
import LearningHTTP

extension ConformanceRunner {
    /// Most retries of one step after a 429, whatever Retry-After says.
    public static let maxThrottleRetries = 10

    func runStep(_ step: Step, number: Int, tenantID: String, info: TargetInfo, run: inout ScenarioRun) async {
        let scenario = run.scenario
        // Credentials: a step whose role has no credential is skipped with the reason, never passed.
        guard let role = configuration.roles[step.role] else {
            run.skipReasons.append("step \(number) '\(step.name)': role '\(step.role)' is not defined in roles.json")
            return
        }
        let authorization: String?
        switch role.kind {
        case .none: authorization = nil
        case .literal: authorization = role.authorization ?? ""
        case .application, .delegated:
            if info.mintTokens {
                let objectID = role.objectID ?? "00000000-0000-0000-0000-0000000000a1"
                authorization = "Bearer " + TestTokenMinter.mint(tenantID: tenantID, objectID: objectID, role: role)
            } else if let credential = configuration.credentials[role.name] {
                authorization = credential.lowercased().hasPrefix("bearer ") ? credential : "Bearer " + credential
            } else {
                run.skipReasons.append(
                    "step \(number) '\(step.name)': role '\(role.name)' has no credential "
                        + "(set \(role.environmentVariable) or --token \(role.name)=...)")
                return
            }
        }

        // Placeholders: captures of earlier steps and built-ins, each encoded for where it goes.
        var missing: [String] = []
        let path = Substitution.apply(step.request.path, run.variables, missing: &missing, for: .requestTarget)
        var headers = HTTPHeaders()
        for field in step.request.headers {
            headers.append(name: field.name, value: Substitution.apply(field.value, run.variables, missing: &missing))
        }
        var body: [UInt8] = []
        if let raw = step.request.rawBody {
            body = Array(Substitution.apply(raw, run.variables, missing: &missing).utf8)
        } else if let json = step.request.body {
            body = Substitution.apply(json, run.variables, missing: &missing).utf8Bytes
        }
        let expectedBody = step.expect.body.map { Substitution.apply($0, run.variables, missing: &missing) }
        let expectedHeaders = step.expect.headers.map { ($0.name, Substitution.apply($0.value, run.variables, missing: &missing)) }
        if !missing.isEmpty {
            run.skipReasons.append(
                "step \(number) '\(step.name)': needs " + missing.map { "{{\($0)}}" }.joined(separator: ", ")
                    + ", not captured by an earlier step")
            return
        }
        // A header value with CR, LF or another control character (a captured value can hold one) would split
        // or corrupt the request: the step is not sent.
        if let field = headers.first(where: { Self.hasControlCharacter($0.value) }) {
            run.skipReasons.append(
                "step \(number) '\(step.name)': header \(field.name) would hold a control character (CR, LF…) "
                    + "from a captured value; the request was not sent: \(CurlCommand.quote(PeerText.bounded(field.value, limit: 80)))")
            return
        }
        if let authorization { headers["Authorization"] = authorization }
        if !body.isEmpty, headers["Content-Type"] == nil { headers["Content-Type"] = "application/json" }
        for header in configuration.extraHeaders where headers[header.name] == nil {
            headers.append(name: header.name, value: header.value)
        }
        let basePath = configuration.baseURL.path.hasSuffix("/") ? String(configuration.baseURL.path.dropLast()) : configuration.baseURL.path
        let request = HTTPRequest(method: step.request.method, target: basePath + path, headers: headers, body: body)
        let curl = CurlCommand.render(request, origin: configuration.origin.absoluteString.trimmingSuffix("/"))
        let rowSource = step.expect.errorRow.flatMap { configuration.rows[$0]?.source }
        let stepSource = step.source?.description ?? scenario.source?.description
        func deviation(_ finding: Finding) -> Deviation {
            Deviation(kind: finding.kind, scenario: scenario.id, step: number, stepName: step.name, pointer: finding.pointer,
                      expected: finding.expected, actual: finding.actual, row: finding.row ?? step.expect.errorRow,
                      source: finding.source ?? rowSource ?? stepSource, curl: curl)
        }

        // The step's deadline covers every send, every Retry-After wait, parsing and comparing.
        let deadline = min(ContinuousClock.now + configuration.stepTimeout, run.deadline)
        func deadlineDeviation(_ what: String) -> Deviation {
            deviation(Finding(kind: .deadline, pointer: "response",
                              expected: "a response within the step's deadline (--step-timeout \(Self.seconds(configuration.stepTimeout)), "
                                  + "--scenario-timeout \(Self.seconds(configuration.scenarioTimeout)))",
                              actual: what))
        }

        // Send, honouring Retry-After on unexpected 429s, within --max-retry-wait, the step's deadline and the
        // run's --throttle-budget. A step still throttled stops its scenario.
        run.stepsRun += 1
        var waited: Duration = .zero
        var retries = 0
        var response: HTTPResponse
        while true {
            let remaining = deadline - ContinuousClock.now
            let cutShort = remaining < configuration.requestTimeout
            do {
                response = try await send(request, to: configuration.baseURL, until: deadline, run: run)
            } catch {
                if error == .timedOut, cutShort {
                    run.deviations.append(deadlineDeviation("deadline passed while waiting for the response"))
                    return
                }
                let unreachable: Bool
                switch error {
                case .connectionRefused, .timedOut, .invalidURL, .notTLS: unreachable = true
                default: unreachable = false
                }
                run.unreachable = run.unreachable || unreachable
                run.deviations.append(deviation(Finding(kind: .transport, pointer: "response", expected: "an HTTP response",
                                                        actual: Self.describe(error))))
                return
            }
            guard response.status == 429, !step.expect.expectsThrottling else { break }
            // At least 1 s per retry, and at most `maxThrottleRetries` retries: a `Retry-After: 0` (or a negative,
            // missing or unparseable one) must not turn into a tight loop against the target.
            let asked = RetryAfter.seconds(response.headers["Retry-After"])
            let seconds = max(1, asked ?? 1)
            let wait = Duration.seconds(seconds)
            retries += 1
            var cap: String?
            if waited + wait > configuration.maxRetryWait { cap = "--max-retry-wait \(Self.seconds(configuration.maxRetryWait))" }
            else if retries > Self.maxThrottleRetries { cap = "\(Self.maxThrottleRetries) retries" }
            else if ContinuousClock.now + wait > deadline { cap = "the step's deadline" }
            else if !run.budget.spendThrottle(wait) { cap = "the run's --throttle-budget \(Self.seconds(configuration.throttleBudget))" }
            if let cap {
                run.throttled = true
                let header = asked.map { "Retry-After: \($0)" } ?? "Retry-After absent or not delay-seconds"
                run.notes.append("step \(number) '\(step.name)': still throttled (429, \(header)) after \(retries - 1) retries and "
                                 + "\(Self.seconds(waited)) of waiting; stopped by \(cap); the scenario's later steps were not run")
                return
            }
            run.notes.append("step \(number) '\(step.name)': throttled (429), waited \(seconds) s"
                             + (asked == nil ? " (Retry-After absent or not delay-seconds)" : " as Retry-After asked"))
            await sleeper(wait)
            waited += wait
        }

        track(request, response, run: &run)
        var outcome = check(step, response: response, request: request, expectedBody: expectedBody,
                            expectedHeaders: expectedHeaders, deadline: deadline)
        run.deviations.append(contentsOf: outcome.findings.map(deviation))
        for hit in outcome.variants {
            run.variants.append(VariantHit(scenario: scenario.id, step: number, pointer: hit.pointer, canonical: hit.canonical,
                                           actual: hit.actual, row: hit.row, ambiguity: hit.ambiguity))
        }
        if configuration.strict {
            for pointer in outcome.extras {
                run.deviations.append(deviation(Finding(kind: .extraField, pointer: pointer, expected: "(not in the contract)",
                                                        actual: outcome.extraValues[pointer] ?? "(present)")))
            }
        }
        run.extraFields.append(contentsOf: outcome.extras.map { "step \(number): \($0)" })
        if outcome.extrasLeftOut > 0 {
            run.notes.append("step \(number) '\(step.name)': \(outcome.extrasLeftOut) more undeclared members not listed "
                             + "(the first \(ResponseComparator.maxExtras) are)")
        }
        for capture in step.capture {
            if let value = outcome.body?[pointer: capture.pointer] {
                outcome.captured.append((capture.name, value))
            } else {
                run.deviations.append(deviation(Finding(kind: .capture, pointer: capture.pointer.description,
                                                        expected: "a value to capture as {{\(capture.name)}}", actual: "(absent)")))
            }
        }
        for (name, value) in outcome.captured { run.variables[name] = value }
    }
}

extension ConformanceRunner {
    /// C0 controls, DEL and C1 controls: never allowed in a header value sent to a target.
    static func hasControlCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}

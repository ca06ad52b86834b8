import Foundation
import LearningContract
import LearningHTTP

extension ConformanceRunner {
    /// What one response showed against its expectation.
    struct StepOutcome {
        var findings: [Finding] = []
        var variants: [(pointer: String, canonical: String, actual: String, row: String?, ambiguity: String?)] = []
        var extras: [String] = []
        var extraValues: [String: String] = [:]
        /// Undeclared members beyond those listed in `extras`.
        var extrasLeftOut = 0
        var captured: [(name: String, value: JSONValue)] = []
        var body: JSONValue?
    }

    /// Largest body the runner will parse; bigger ones are a deviation, not a hang.
    static let maxBodyBytes = 4 << 20

    func check(
        _ step: Step, response: HTTPResponse, request: HTTPRequest,
        expectedBody explicitBody: JSONValue?, expectedHeaders explicitHeaders: [(String, JSONValue)],
        deadline: ContinuousClock.Instant? = nil
    ) -> StepOutcome {
        var outcome = StepOutcome()
        let row = step.expect.errorRow.flatMap { configuration.rows[$0] }
        if let rowID = step.expect.errorRow, row == nil {
            outcome.findings.append(Finding(kind: .body, pointer: "status", expected: "error row \(rowID)",
                                            actual: "(row unknown to this runner's catalog)", row: rowID))
            return outcome
        }

        // Slots: the fixture's, plus minutes derived from Retry-After (ambiguity retryAfterUnits: header in seconds,
        // message in minutes = ceil(seconds / 60)), parsed with bounds: the value is the target's.
        var slots = step.expect.slots
        if slots["noOfMinutes"] == nil, let minutes = RetryAfter.minutes(response.headers["Retry-After"]) {
            slots["noOfMinutes"] = String(minutes)
        }
        var comparator = ResponseComparator(rows: configuration.rows, slots: slots, keySpellings: configuration.keySpellings)

        // Status.
        let expectedStatus = step.expect.status ?? row.map { .number(JSONNumber($0.status)) } ?? .null
        comparator.compare(expectedStatus, .number(JSONNumber(response.status)), at: .root, row: step.expect.errorRow)
        var findings = comparator.findings.map { finding -> Finding in
            var copy = finding; copy.kind = .status; copy.pointer = "status"; return copy
        }
        if !findings.isEmpty {
            // A wrong status makes body differences noise: report the status, with the error the target
            // gave (if it gave a Graph error), and stop there.
            if let body = try? JSONReader().read(response.body.prefix(Self.maxBodyBytes)).root,
               let code = body[pointer: "/error/code"]?.stringValue {
                let message = body[pointer: "/error/message"]?.stringValue ?? ""
                findings[0].actual += " (error.code \(ResponseComparator.render(.string(code))): \(ResponseComparator.render(.string(message))))"
            }
            outcome.findings = findings
            return outcome
        }

        // Headers: the row's (JSON error, Retry-After on 429/503), then the fixture's (which win).
        var headerExpectations: [(String, JSONValue)] = []
        let expectsJSON = explicitBody != nil || row != nil
        if expectsJSON { headerExpectations.append(("Content-Type", "application/json")) }
        if let row, row.status == 429 || row.status == 503 {
            headerExpectations.append(("Retry-After", ["$match": "regex", "pattern": "^[0-9]+$"]))
        }
        for header in explicitHeaders {
            headerExpectations.removeAll { $0.0.lowercased() == header.0.lowercased() }
            headerExpectations.append(header)
        }
        for (name, expected) in headerExpectations {
            let actual = response.headers[name]
            let label = "header \(name)"
            if case .string(let text) = expected, name.lowercased() == "content-type" {
                if actual.map({ Self.mediaType($0) == Self.mediaType(text) }) != true {
                    findings.append(Finding(kind: .header, pointer: label, expected: text,
                                            actual: actual.map { PeerText.bounded($0) } ?? "(absent)", row: row?.id))
                }
                continue
            }
            var headerComparator = ResponseComparator(rows: configuration.rows, slots: slots)
            headerComparator.deadline = deadline
            headerComparator.compare(expected, actual.map(JSONValue.string), at: .root, row: row?.id)
            findings += headerComparator.findings.map {
                Finding(kind: .header, pointer: label, expected: $0.expected, actual: $0.actual, row: row?.id)
            }
        }

        // Body.
        var expectedBody = explicitBody
        if let row { expectedBody = Self.merge(Self.errorSkeleton(row: row, request: request), explicitBody) }
        if response.body.count > Self.maxBodyBytes {
            findings.append(Finding(kind: .malformedBody, pointer: "/", expected: "a body under \(Self.maxBodyBytes) bytes",
                                    actual: "\(response.body.count) bytes"))
        } else if !response.body.isEmpty {
            do {
                outcome.body = try JSONReader().read(response.body).root
            } catch {
                if expectedBody != nil {
                    let preview = String(decoding: response.body.prefix(120), as: UTF8.self)
                    findings.append(Finding(kind: .malformedBody, pointer: "/", expected: "a JSON body",
                                            actual: "not JSON (\(error)): \(ResponseComparator.render(.string(preview)))"))
                }
            }
        }
        if let expectedBody {
            if response.body.isEmpty {
                findings.append(Finding(kind: .missing, pointer: "/", expected: "a JSON body", actual: "(empty body)", row: row?.id))
            } else if let body = outcome.body {
                if let deadline, ContinuousClock.now >= deadline {
                    findings.append(Finding(kind: .deadline, pointer: "/", expected: "the response parsed within the step's deadline",
                                            actual: "deadline passed while parsing \(response.body.count) bytes; the body was not compared"))
                    outcome.body = nil
                    outcome.findings = findings
                    return outcome
                }
                var bodyComparator = ResponseComparator(rows: configuration.rows, slots: slots, keySpellings: configuration.keySpellings)
                bodyComparator.deadline = deadline
                bodyComparator.compare(expectedBody, body, at: .root, row: row?.id)
                findings += bodyComparator.findings
                outcome.variants += bodyComparator.variants
                outcome.extras = bodyComparator.extras.filter { pointer in
                    !configuration.documentedMembers.contains(JSONPointer(parsing: pointer).tokens.last ?? "")
                }
                for pointer in outcome.extras { outcome.extraValues[pointer] = bodyComparator.extraValues[pointer] }
                outcome.extrasLeftOut = bodyComparator.extrasLeftOut
                outcome.captured = bodyComparator.captured
            }
        } else if expectedStatus.numberValue?.integerValue == 204, !response.body.isEmpty {
            // RFC 9110 15.3.5: a 204 response has no content.
            findings.append(Finding(kind: .body, pointer: "/", expected: "no body (204 No Content)",
                                    actual: "\(response.body.count) bytes"))
        }
        outcome.variants = comparator.variants.map { ("status", $0.canonical, $0.actual, $0.row, $0.ambiguity) } + outcome.variants
        outcome.findings = findings
        return outcome
    }

    /// `application/json; charset=utf-8` -> `application/json`.
    static func mediaType(_ value: String) -> String {
        (value.split(separator: ";").first.map(String.init) ?? value).trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The Graph error envelope a row stands for (learn.microsoft.com/graph/errors, Error resource type): code and message by the row (documented
    /// variants accepted), innerError date (ISO 8601) and request-id (GUID), client-request-id echoed when sent.
    static func errorSkeleton(row: ErrorRowSpec, request: HTTPRequest) -> JSONValue {
        let clientRequestID: JSONValue = request.headers["client-request-id"].map(JSONValue.string) ?? ["$match": "ignore"]
        return [
            "error": [
                "code": ["$match": "variant", "row": .string(row.id), "field": "code"],
                "message": ["$match": "variant", "row": .string(row.id), "field": "message"],
                "details": ["$match": "ignore"],
                "innerError": [
                    "date": ["$match": "type", "type": "string", "format": "dateTime"],
                    "request-id": ["$match": "type", "type": "string", "format": "guid"],
                    "client-request-id": clientRequestID,
                ],
            ],
        ]
    }

    /// Deep merge of objects; `overlay` wins.
    static func merge(_ base: JSONValue, _ overlay: JSONValue?) -> JSONValue {
        guard let overlay else { return base }
        guard case .object(var baseObject) = base, case .object(let overlayObject) = overlay,
              Matcher.parse(overlay) == nil else { return overlay }
        for member in overlayObject {
            baseObject[member.key] = merge(baseObject[member.key] ?? .null, member.value)
        }
        return .object(baseObject)
    }
}

import Foundation
import LearningContract
import LearningHTTP

extension ConformanceRunner {
    /// Something a step created on a shared target, and how to delete it.
    struct CreatedResource: Sendable, Hashable {
        /// Request target (base path included) of its DELETE.
        var target: String
        var authorization: String?
        /// `activity`, `provider`, `content`.
        var kind: String
    }

    /// What a successful response created: an activity (POST …/learningCourseActivities), a provider (POST
    /// …/learningProviders) or a content upserted by external id (PATCH …/learningContents(externalId='…')).
    /// Providers and contents are deleted by the `…/$ref` path their delete pages print.
    static func createdResource(by request: HTTPRequest, response: HTTPResponse) -> CreatedResource? {
        guard (200..<300).contains(response.status), response.body.count <= 4 << 20,
              let id = (try? JSONReader().read(response.body).root)?["id"]?.stringValue, !id.isEmpty else { return nil }
        let path = request.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.target
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        let authorization = request.headers["Authorization"]
        if request.method == "POST", trimmed.hasSuffix("/learningCourseActivities") {
            return CreatedResource(target: trimmed + "/" + id, authorization: authorization, kind: "activity")
        }
        if request.method == "POST", trimmed.hasSuffix("/employeeExperience/learningProviders") {
            return CreatedResource(target: trimmed + "/" + Substitution.percentEncode(id) + "/$ref", authorization: authorization, kind: "provider")
        }
        if request.method == "PATCH", let range = trimmed.range(of: "/learningContents(externalId=") {
            return CreatedResource(target: trimmed[..<range.lowerBound] + "/learningContents/" + Substitution.percentEncode(id) + "/$ref",
                                   authorization: authorization, kind: "content")
        }
        return nil
    }

    /// A delete target without percent-encoding and without the `/$ref` the delete pages print, for comparison.
    static func sameResource(_ target: String) -> String {
        var path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        if path.hasSuffix("/$ref") { path.removeLast("/$ref".count) }
        return path.removingPercentEncoding ?? path
    }

    /// Called after every step's response: remembers what it created, forgets what it deleted.
    func track(_ request: HTTPRequest, _ response: HTTPResponse, run: inout ScenarioRun) {
        guard run.tracksCreations else { return }
        if request.method == "DELETE", (200..<300).contains(response.status) {
            // What lived under a deleted resource (the contents and activities of a provider) went with it.
            let deleted = Self.sameResource(request.target)
            run.created.removeAll { Self.sameResource($0.target) == deleted || Self.sameResource($0.target).hasPrefix(deleted + "/") }
            return
        }
        if let resource = Self.createdResource(by: request, response: response), !run.created.contains(resource) {
            run.created.append(resource)
        }
    }

    /// Deletes, newest first, what the scenario created and did not delete itself: also when a step failed.
    /// A 404 means it is gone already; anything else is noted as a leftover.
    /// Each delete gets its own short deadline, so a scenario past its deadline still removes what it made.
    func cleanUp(_ run: inout ScenarioRun) async {
        for resource in run.created.reversed() {
            var headers = HTTPHeaders()
            if let authorization = resource.authorization { headers["Authorization"] = authorization }
            let request = HTTPRequest(method: "DELETE", target: resource.target, headers: headers)
            do {
                let deadline = ContinuousClock.now + min(configuration.requestTimeout, .seconds(5))
                let response = try await send(request, to: configuration.baseURL, until: deadline, run: run)
                if !(200..<300).contains(response.status) && response.status != 404 {
                    run.notes.append("cleanup: DELETE \(resource.target) answered \(response.status); the \(resource.kind) may remain")
                }
            } catch {
                run.notes.append("cleanup: DELETE \(resource.target) failed (\(Self.describe(error))); the \(resource.kind) may remain")
            }
        }
        run.created.removeAll()
    }
}

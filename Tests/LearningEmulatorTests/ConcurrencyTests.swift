import Dispatch
import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

/// The store under concurrent creates and updates: no lost or torn writes (issue: Concurrency).
@Suite struct ConcurrencyTests {
    @Test func parallelCreatesAndUpdatesThroughHandle() {
        let h = EmulatorHarness()
        let n = 400
        let ids = LockedArray()
        DispatchQueue.concurrentPerform(iterations: n) { i in
            let r = h.send("POST", Paths.contosoActivities, json: DocBodies.createSelfInitiated)
            if r.status == 201, let id = r["id"]?.stringValue { ids.append(id) }
            // Concurrent updates of one shared activity.
            h.send("PATCH", Paths.contosoActivities + "/" + DocsWorld.assignmentID,
                   json: ##"{"@odata.type":"#microsoft.graph.learningAssignment","status":"inProgress","completionPercentage":\##(i % 101)}"##)
        }
        let created = ids.values
        #expect(created.count == n)
        #expect(Set(created).count == n)
        let list = h.get(Paths.learnerActivities + "?$count=true&$top=0")
        #expect(list["@odata.count"] == .number(JSONNumber(n + 3)))
        for id in created {
            let r = h.get(Paths.learnerActivities + "/" + id)
            #expect(r.status == 200)
            if r.status != 200 { break }
        }
        let shared = h.get(Paths.learnerActivities + "/" + DocsWorld.assignmentID)
        #expect(shared["status"] == "inProgress")
        #expect((shared["completionPercentage"]?.numberValue?.integerValue).map { (0...100).contains($0) } == true)
    }
}

final class LockedArray: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ value: String) { lock.lock(); storage.append(value); lock.unlock() }
    var values: [String] { lock.lock(); defer { lock.unlock() }; return storage }
}

import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

/// Numbers a client or a configuration supplies are parsed with bounds and never trap (README "Emulator"):
/// `$top`/`$skip`, fault parameters, the page size.
@Suite struct NumberBoundsTests {
    @Test(arguments: [
        "createActivity:429:every=9223372036854775807", "createActivity:429:times=9223372036854775807",
        "createActivity:429:retry-after=86400", "createActivity:latency=60000", "*:503:every=1:times=0",
    ])
    func faultFlagsAtTheirBounds(_ flag: String) throws {
        let rule = try FaultRule(flag: flag)
        let h = EmulatorHarness(EmulatorConfiguration(faults: [rule]))
        #expect(h.get(Paths.learnerActivities).status == 200)
    }

    @Test(arguments: [
        "createActivity:429:every=9223372036854775808", "createActivity:429:every=0", "createActivity:429:every=-1",
        "createActivity:429:times=-1", "createActivity:429:times=99999999999999999999", "createActivity:429:retry-after=-5",
        "createActivity:429:retry-after=9223372036854775807", "createActivity:latency=99999999999999999999",
        "createActivity:latency=-1", "createActivity:9223372036854775807", "createActivity:-429", "createActivity:429:every=1e3",
    ])
    func faultFlagsOutOfBoundsAreRefused(_ flag: String) {
        #expect(throws: EmulatorConfigurationError.self) { try FaultRule(flag: flag) }
    }

    /// Rules built in code skip the flag checks: an `every` of 0 or below must not divide by zero.
    @Test(arguments: [0, -1, Int.min])
    func ruleWithEveryBelowOneNeverFires(_ every: Int) {
        let rule = FaultRule(operation: "*", status: 503, every: every)
        let h = EmulatorHarness(EmulatorConfiguration(faults: [rule]))
        #expect(h.get(Paths.learnerActivities).status == 200)
        #expect(h.get(Paths.learnerActivities).status == 200)
    }

    @Test func ruleWithHugeEveryCountsWithoutOverflow() {
        let rule = FaultRule(operation: "*", status: 503, every: Int.max, times: Int.max)
        let h = EmulatorHarness(EmulatorConfiguration(faults: [rule]))
        for _ in 0..<3 { #expect(h.get(Paths.learnerActivities).status == 200) }
    }

    @Test(arguments: ["?$top=9223372036854775807", "?$skip=9223372036854775807", "?$top=9223372036854775807&$skip=1",
                      "?$skip=9223372036854775807&$count=true"])
    func extremeTopAndSkipAnswer(_ query: String) {
        let h = EmulatorHarness()
        #expect(h.get(Paths.learnerActivities + query).status == 200)
    }

    /// A page size of Int.max (possible in code; `serve --page-size` stops at 10000) with a `$skip`.
    @Test func hugePageSizeWithSkipDoesNotOverflow() {
        let h = EmulatorHarness(EmulatorConfiguration(pageSize: Int.max))
        let reply = h.get(Paths.learnerActivities + "?$skip=1")
        #expect(reply.status == 200)
        #expect(reply["value"]?.arrayValue?.count == 2)
    }
}

import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

/// The admin endpoint's guards (README "Admin endpoint"): loopback Host by default, JSON Content-Type on PUT and
/// POST, a Bearer secret with `--admin-token`, 404 with `--no-admin`.
@Suite struct AdminAccessTests {
    static let state = "/_emulator/tenants/\(TestToken.defaultTenantID)/state"

    @Test(arguments: [
        ("127.0.0.1", true), ("127.0.0.1:8080", true), ("localhost", true), ("LocalHost:1", true), ("[::1]", true),
        ("[::1]:65535", true),
        ("attacker.example", false), ("attacker.example:8080", false), ("127.0.0.1.attacker.example", false),
        ("localhost.attacker.example", false), ("localhost:", false), ("localhost:80a", false), ("127.0.0.2", false),
        ("10.0.0.5:8080", false), ("", false),
    ])
    func hostMustNameALoopbackAddress(_ host: String, _ allowed: Bool) {
        let h = EmulatorHarness()
        let reply = h.send("GET", "/_emulator/info", token: nil, host: host)
        #expect(reply.status == (allowed ? 200 : 403), "Host: \(host)")
    }

    @Test func inProcessCallsMayOmitHost() {
        // No browser is involved in an in-process call (the runner's in-memory transport); over a socket the
        // same request is refused (ServerTests.adminGuardsOverTheNetwork).
        let h = EmulatorHarness()
        let request = HTTPRequest(method: "POST", target: "/_emulator/reset", headers: ["Content-Type": "application/json"])
        #expect(h.emulator.handle(request).status == 204)
    }

    @Test(arguments: ["PUT", "POST"])
    func stateChangesNeedJSONContentType(_ method: String) {
        let h = EmulatorHarness()
        let wipe = #"{"seed":"empty"}"#
        for contentType in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"] {
            #expect(h.send(method, Self.state, token: nil, json: wipe, contentType: contentType).status == 415, "\(contentType)")
        }
        #expect(h.send(method, Self.state, token: nil, json: wipe, contentType: nil).status == 415)
        // Nothing changed: the docs learner still has three activities.
        #expect(h.get(Paths.learnerActivities)["value"]?.arrayValue?.count == 3)
        #expect(h.send(method, Self.state, token: nil, json: wipe, contentType: "application/json; charset=utf-8").status == 204)
        #expect(h.get(Paths.learnerActivities)["value"]?.arrayValue?.count == 0)
    }

    @Test func bodilessResetNeedsJSONContentTypeToo() {
        let h = EmulatorHarness()
        h.send("DELETE", "/_emulator/tenants/\(TestToken.defaultTenantID)", token: nil)
        #expect(h.send("POST", "/_emulator/reset", token: nil).status == 415)
        #expect(h.get(Paths.learnerActivities)["value"]?.arrayValue?.count == 0)
        #expect(h.send("POST", "/_emulator/reset", token: nil, headers: ["Content-Type": "application/json"]).status == 204)
        #expect(h.get(Paths.learnerActivities)["value"]?.arrayValue?.count == 3)
    }

    @Test func adminTokenReplacesTheHostCheck() {
        var configuration = EmulatorConfiguration()
        configuration.admin = .token("s3cret")
        let h = EmulatorHarness(configuration)
        #expect(h.send("GET", "/_emulator/info", token: nil).status == 401)
        #expect(h.send("GET", "/_emulator/info", token: "s3cre").status == 401)
        #expect(h.send("GET", "/_emulator/info", token: "s3cret!").status == 401)
        #expect(h.send("GET", "/_emulator/info", token: "s3cret", host: "emulator.example:8080").status == 200)
        #expect(h.send("PUT", Self.state, token: "s3cret", json: "{}", contentType: "text/plain").status == 415)
    }

    @Test func noAdminTurnsItOff() {
        var configuration = EmulatorConfiguration()
        configuration.admin = .disabled
        let h = EmulatorHarness(configuration)
        #expect(h.send("GET", "/_emulator/info", token: nil).status == 404)
        #expect(h.send("PUT", Self.state, token: nil, json: #"{"seed":"empty"}"#).status == 404)
        #expect(h.get(Paths.learnerActivities)["value"]?.arrayValue?.count == 3)
    }

    @Test(arguments: [("127.0.0.1", true), ("127.1.2.3", true), ("::1", true), ("localhost", true), ("0.0.0.0", false),
                      ("::", false), ("192.168.1.10", false), ("127.0.0.256", false), ("example.com", false)])
    func loopbackBindAddresses(_ host: String, _ loopback: Bool) {
        #expect(AdminAccess.isLoopbackBindAddress(host) == loopback)
    }
}

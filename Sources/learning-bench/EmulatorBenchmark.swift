import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP

/// `learning-bench emulator [--host H] [--port P] [--threads N] [--empty]`: serves the emulator (docs world
/// seeded) for an external load generator such as wrk, and prints what the load needs:
///
///     Listening on http://127.0.0.1:PORT
///     app-token: <application test token, every role>
///     learner-token: <delegated test token of the docs learner>
///
/// Runs until SIGINT or SIGTERM. `Tests/Scripts/emulator-bench.sh` drives it.
/// `--in-process` instead times `Emulator.handle` alone on one thread (GET by id and create), no sockets.
enum EmulatorBenchmark {
    static func run(arguments: [String]) -> Int32 {
        if arguments.contains("--in-process") { return inProcess() }
        var configuration = EmulatorConfiguration()
        var http = HTTPServerConfiguration()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--host":
                guard let value = rest.popFirst() else { return usage("--host needs a value") }
                configuration.host = value
            case "--port":
                guard let value = rest.popFirst().flatMap({ Int($0) }), (0...65535).contains(value) else { return usage("--port needs 0...65535") }
                configuration.port = value
            case "--threads":
                guard let value = rest.popFirst().flatMap({ Int($0) }), value > 0 else { return usage("--threads needs a positive integer") }
                http.threads = value
            case "--empty":
                configuration.seed = .empty
            case "-h", "--help":
                print("usage: learning-bench emulator [--host 127.0.0.1] [--port 0] [--threads N] [--empty] | --in-process")
                return 0
            default:
                return usage("unknown argument '\(argument)'")
            }
        }
        let server: EmulatorServer
        let port: Int
        do {
            server = try EmulatorServer(configuration: configuration, http: http)
            port = try server.start()
        } catch {
            FileHandle.standardError.write(Data("learning-bench emulator: \(error)\n".utf8))
            return 1
        }
        ShutdownSignals.onTermination { server.shutdown() }
        let banner = "Listening on http://\(configuration.host):\(port)\n"
            + "app-token: " + TestToken.mint(TestToken.providerAppClaims) + "\n"
            + "learner-token: " + TestToken.mint(TestToken.docsLearnerClaims) + "\n"
        // Unbuffered, so a script reading the pipe sees it at once.
        FileHandle.standardOutput.write(Data(banner.utf8))
        server.waitUntilShutdown()
        return 0
    }

    private static func usage(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("learning-bench emulator: \(message)\n".utf8))
        return 2
    }

    /// Single-thread cost of the emulator itself, to tell it apart from the server's.
    private static func inProcess() -> Int32 {
        let emulator = Emulator()
        var get = HTTPHeaders()
        get.append(name: "Host", value: "127.0.0.1:8080")
        get.append(name: "Authorization", value: "Bearer " + TestToken.mint(TestToken.docsLearnerClaims))
        let getRequest = HTTPRequest(method: "GET", target: "/v1.0/employeeExperience/learningCourseActivities/" + DocsWorld.assignmentID, headers: get)
        var post = HTTPHeaders()
        post.append(name: "Host", value: "127.0.0.1:8080")
        post.append(name: "Authorization", value: "Bearer " + TestToken.mint(TestToken.providerAppClaims))
        post.append(name: "Content-Type", value: "application/json")
        // Create example 1 (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0), as the wrk script sends it.
        let body = ##"{"@odata.type":"#microsoft.graph.learningAssignment","assignedDateTime":"2021-05-11T22:57:17+00:00","assignmentType":"required","assignerUserId":"cea1684d-57dc-438d-a9d1-e666ec1a7f3d","completedDateTime":null,"completionPercentage":20,"dueDateTime":{"dateTime":"2022-09-22T16:05:00.0000000","timeZone":"UTC"},"externalCourseActivityId":"12a2228a-e020-11ec-9d64-0242ac120002","learningContentId":"57baf9dc-e020-11ec-9d64-0242ac120002","learningProviderId":"01e8f81b-3060-4dec-acf0-0389665a0a38","learnerUserId":"7ba2228a-e020-11ec-9d64-0242ac120002","notes":{"contentType":"text","content":"required assignment added for user"},"status":"notStarted"}"##
        let postRequest = HTTPRequest(method: "POST", target: "/v1.0/employeeExperience/learningProviders/\(DocsWorld.contosoProviderID)/learningCourseActivities",
                                      headers: post, body: Array(body.utf8))
        for (name, request, count, expected) in [("get", getRequest, 200_000, 200), ("create", postRequest, 50_000, 201)] {
            let clock = ContinuousClock()
            var failures = 0
            let elapsed = clock.measure {
                for _ in 0..<count where emulator.handle(request).status != expected { failures += 1 }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("\(name): \(Int(Double(count) / seconds)) req/s on one thread, \(failures) failures")
            if failures > 0 { return 1 }
        }
        return 0
    }
}

import Foundation
import LearningHTTP

/// `learning-bench http-hello [--port N] [--threads N]`: serves one fixed ~300-byte JSON response to every request,
/// so a load generator (wrk) measures the bare server. Runs until SIGINT/SIGTERM.
enum HTTPHelloBenchmark {
    static let body: [UInt8] = Array(("""
    {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#learningCourseActivities/$entity",\
    "id":"8ba2228a-e020-11ec-9d64-0242ac120002:1","learningContentId":"57baf9dc-e020-11ec-9d64-0242ac120002",\
    "learnerUserId":"7ba2228a-e020-11ec-9d64-0242ac120002","status":"inProgress","completionPercentage":20}
    """).utf8)

    static func run(_ arguments: [String]) -> Int32 {
        var configuration = HTTPServerConfiguration()
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? Int(arguments[index + 1]) : nil
            switch (arguments[index], value) {
            case ("--port", let port?): configuration.port = port
            case ("--threads", let threads?): configuration.threads = threads
            default:
                FileHandle.standardError.write(Data("usage: learning-bench http-hello [--port N] [--threads N]\n".utf8))
                return 2
            }
            index += 2
        }
        let response = HTTPResponse(status: 200, headers: ["Content-Type": "application/json"], body: body)
        let server = HTTPServer(configuration: configuration) { _ in response }
        do {
            let port = try server.start()
            let banner = "http-hello listening on http://127.0.0.1:\(port)/ (\(configuration.threads) threads, \(body.count)-byte body)\n"
            FileHandle.standardOutput.write(Data(banner.utf8))
        } catch {
            FileHandle.standardError.write(Data("http-hello: \(error)\n".utf8))
            return 1
        }
        ShutdownSignals.onTermination { server.shutdown() }
        server.waitUntilShutdown()
        return 0
    }
}

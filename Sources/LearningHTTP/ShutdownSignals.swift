import Dispatch
import Foundation
import Glibc

/// Runs an action on SIGINT or SIGTERM, so `serve` can shut its server down gracefully instead of dying.
public enum ShutdownSignals {
    private static let sources = SignalSourceStore()

    public static func onTermination(_ action: @escaping @Sendable () -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler(handler: action)
            source.resume()
            sources.keep(source)
        }
    }
}

/// Keeps signal sources alive for the life of the process.
private final class SignalSourceStore: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []
    func keep(_ source: any DispatchSourceSignal) {
        lock.lock()
        sources.append(source)
        lock.unlock()
    }
}

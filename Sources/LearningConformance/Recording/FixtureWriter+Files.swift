import Foundation
import Glibc
import LearningContract

/// Why recorded fixtures could not be written.
public struct RecordingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension FixtureWriter {
    /// Creates `directory` if needed and proves it writable (a probe file written and removed).
    public static func checkWritable(_ directory: URL) throws(RecordingError) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            let probe = directory.appendingPathComponent(".write-probe-\(UUID().uuidString)")
            try Data().write(to: probe)
            try manager.removeItem(at: probe)
        } catch {
            throw RecordingError("cannot write into '\(directory.path)': \(error.localizedDescription)")
        }
    }

    /// Writes every file of `output` into `directory`: all into a staging folder inside it first, then each renamed
    /// into place, so a failure never leaves a half-written fixture.
    public static func write(_ output: Output, to directory: URL) throws(RecordingError) {
        let manager = FileManager.default
        let staging = directory.appendingPathComponent(".staging-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            defer { try? manager.removeItem(at: staging) }
            for file in output.files {
                let text = file.document.serialized(pretty: true) + "\n"
                try Data(text.utf8).write(to: staging.appendingPathComponent(file.name))
            }
            for file in output.files {
                // rename(2) replaces the target atomically.
                let from = staging.appendingPathComponent(file.name).path, to = directory.appendingPathComponent(file.name).path
                guard rename(from, to) == 0 else {
                    throw RecordingError("cannot write '\(to)': \(String(cString: strerror(errno)))")
                }
            }
        } catch {
            throw RecordingError("cannot write fixtures into '\(directory.path)': \(error.localizedDescription)")
        }
    }
}

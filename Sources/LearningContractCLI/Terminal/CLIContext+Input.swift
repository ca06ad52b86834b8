import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CLIContext {
    /// What names standard input in messages (`<stdin>: line 3: ...`).
    public static let standardInputName = "<stdin>"

    /// The input named on the command line: `-` is standard input, anything else a file relative to
    /// `currentDirectory`. Read lazily, so a large file can be taken line by line with `lines()`.
    public func openInput(_ path: String) throws(InputError) -> any ByteInput {
        if path == "-" { return stdin }
        return try FileInput(path: resolve(path).path, displayName: path)
    }

    /// All bytes of `path` (or standard input for `-`), refusing more than `limit`.
    public func readInput(_ path: String, limit: Int = 256 * 1024 * 1024) throws(InputError) -> [UInt8] {
        try openInput(path).readAll(limit: limit)
    }

    /// `path` as messages should show it: `<stdin>` for `-`.
    public func displayName(for path: String) -> String { path == "-" ? Self.standardInputName : path }
}

/// An open file, closed when the last reference goes away.
final class FileInput: ByteInput, @unchecked Sendable {
    private let descriptor: FileDescriptorInput

    init(path: String, displayName: String) throws(InputError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: displayName, errno: errno) }
        descriptor = FileDescriptorInput(fileDescriptor: fd, displayName: displayName)
    }

    deinit { close(descriptor.fileDescriptor) }

    func read(upTo maxCount: Int) throws(InputError) -> [UInt8] { try descriptor.read(upTo: maxCount) }
}

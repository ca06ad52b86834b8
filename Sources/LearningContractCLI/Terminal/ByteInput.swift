import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command reads bytes from (standard input, or a buffer in tests).
public protocol ByteInput: Sendable {
    /// Up to `maxCount` bytes; an empty array means end of input.
    func read(upTo maxCount: Int) throws(InputError) -> [UInt8]
}

/// Why input could not be read. Commands report it and exit with `ExitCode.usage`.
public enum InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened (`open(2)` failed with this `errno`).
    case cannotOpen(path: String, errno: Int32)
    /// `read(2)` failed with this `errno` (`path` as the user named it, `<stdin>` for standard input).
    case readFailed(path: String, errno: Int32)
    /// The input exceeded the limit the command set.
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let code): "cannot open '\(path)': \(String(cString: strerror(code)))"
        case .readFailed(let path, let code): "cannot read '\(path)': \(String(cString: strerror(code)))"
        case .tooLarge(let limit): "input is larger than \(limit) bytes"
        }
    }
}

extension ByteInput {
    /// Everything until end of input, failing beyond `limit` bytes rather than exhausting memory.
    public func readAll(limit: Int = 256 * 1024 * 1024) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk = try read(upTo: 64 * 1024)
            if chunk.isEmpty { return bytes }
            bytes += chunk
            if bytes.count > limit { throw .tooLarge(limit: limit) }
        }
    }

    /// A reader that yields one line at a time, for inputs too large to hold (NDJSON, logs).
    public func lines(maxLineLength: Int = 64 * 1024 * 1024) -> LineReader {
        LineReader(input: self, maxLineLength: maxLineLength)
    }
}

/// Reads a file descriptor with `read(2)`, retrying `EINTR`.
public struct FileDescriptorInput: ByteInput {
    public let fileDescriptor: Int32
    /// How errors name this input.
    public let displayName: String

    public init(fileDescriptor: Int32, displayName: String = "<stdin>") {
        self.fileDescriptor = fileDescriptor
        self.displayName = displayName
    }

    public static let standardInput = FileDescriptorInput(fileDescriptor: 0)

    public func read(upTo maxCount: Int) throws(InputError) -> [UInt8] {
        guard maxCount > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: maxCount)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(fileDescriptor, $0.baseAddress, maxCount) }
            if count >= 0 { return Array(buffer[..<count]) }
            let code = errno
            if code == EINTR { continue }
            throw .readFailed(path: displayName, errno: code)
        }
    }
}

private func systemRead(_ fd: Int32, _ pointer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, pointer, count)
    #else
    Darwin.read(fd, pointer, count)
    #endif
}

/// Bytes held in memory, handed out in chunks of at most `chunkSize` (small chunks exercise line splitting).
public final class BufferInput: ByteInput, @unchecked Sendable {
    private let lock = NSLock()
    private let bytes: [UInt8]
    private let chunkSize: Int
    private var offset = 0

    public init(_ bytes: [UInt8], chunkSize: Int = .max) {
        self.bytes = bytes
        self.chunkSize = max(chunkSize, 1)
    }

    public convenience init(_ text: String, chunkSize: Int = .max) { self.init(Array(text.utf8), chunkSize: chunkSize) }

    public func read(upTo maxCount: Int) throws(InputError) -> [UInt8] {
        lock.withLock {
            let end = min(bytes.count, offset + min(maxCount, chunkSize))
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
    }
}

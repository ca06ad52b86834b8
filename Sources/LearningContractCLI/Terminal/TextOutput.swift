import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command writes text. A protocol so tests capture output instead of a process's streams.
public protocol TextOutput: Sendable {
    func write(_ text: String)
}

extension TextOutput {
    /// `text` followed by a newline.
    public func writeLine(_ text: String = "") { write(text + "\n") }
}

/// Writes straight to a file descriptor with `write(2)`: no buffering to flush before `exit`,
/// partial writes and `EINTR` retried. Write errors (a closed pipe) are dropped: there is nobody to tell.
public struct FileDescriptorOutput: TextOutput {
    public let fileDescriptor: Int32

    public init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    public static let standardOutput = FileDescriptorOutput(fileDescriptor: 1)
    public static let standardError = FileDescriptorOutput(fileDescriptor: 2)

    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                systemWrite(fileDescriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}

private func systemWrite(_ fd: Int32, _ pointer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, pointer, count)
    #else
    Darwin.write(fd, pointer, count)
    #endif
}

/// Collects everything written, for tests and for commands that build output before printing it.
public final class CapturedOutput: TextOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""

    public init() {}

    public func write(_ text: String) { lock.withLock { buffer += text } }

    /// Everything written so far.
    public var text: String { lock.withLock { buffer } }
}

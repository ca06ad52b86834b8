import Foundation

/// Reads JSON Lines from a file descriptor in fixed-size chunks and hands out each line in place, so
/// `validate --jsonl` streams a file of any size with flat memory. A line is copied only when it straddles two
/// chunks (its start moves to the front of the buffer); lines longer than `maxLineLength` are skipped and
/// reported as overlong instead of growing the buffer without bound.
public struct JSONLinesScanner: Sendable {
    /// One line, without its `\n` (and without a `\r` before it). `bytes` is valid only inside the callback.
    public struct Line {
        /// 1-based line number.
        public var number: Int
        public var bytes: UnsafeRawBufferPointer
        /// The line was longer than `maxLineLength`; `bytes` is empty and `byteCount` says how long it was.
        public var isOverlong: Bool
        public var byteCount: Int

        public init(number: Int, bytes: UnsafeRawBufferPointer, isOverlong: Bool, byteCount: Int) {
            self.number = number
            self.bytes = bytes
            self.isOverlong = isOverlong
            self.byteCount = byteCount
        }
    }

    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var code: Int32
        public var description: String { "read failed: " + String(cString: strerror(code)) }
    }

    public var chunkSize: Int
    public var maxLineLength: Int

    /// `maxLineLength` defaults to the reader's default `maxBytes` (16 MiB): a longer line can't be valid anyway.
    public init(chunkSize: Int = 1 << 20, maxLineLength: Int = JSONReader.Limits.default.maxBytes) {
        self.chunkSize = max(chunkSize, 1)
        self.maxLineLength = max(maxLineLength, 1)
    }

    /// Calls `body` for every line until the end of input or until `body` returns false; returns the lines seen.
    @discardableResult
    public func scan(fileDescriptor: Int32, _ body: (Line) throws -> Bool) throws -> Int {
        var capacity = chunkSize
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0        // bytes in the buffer
        var lineStart = 0     // start of the current, incomplete line
        var number = 0
        var overlongLength = -1  // >= 0 while skipping the rest of an overlong line
        var atEnd = false
        while !atEnd {
            // Make room: move the incomplete line to the front, or grow while it may still be a legal line.
            if filled == capacity {
                if lineStart > 0 {
                    let pending = filled - lineStart
                    if pending > 0 { memmove(buffer, buffer + lineStart, pending) }
                    filled = pending
                    lineStart = 0
                } else if capacity < maxLineLength + chunkSize {
                    let grown = min(capacity * 2, maxLineLength + chunkSize)
                    let bigger = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
                    bigger.copyMemory(from: buffer, byteCount: filled)
                    buffer.deallocate()
                    buffer = bigger
                    capacity = grown
                } else {
                    filled = 0  // unreachable: a line this long is already being skipped
                    lineStart = 0
                }
            }
            let got = Self.read(fileDescriptor, into: buffer + filled, count: capacity - filled)
            if got < 0 { throw ReadError(code: errno) }
            if got == 0 { atEnd = true }
            var searchFrom = filled
            filled += got
            while searchFrom < filled, let hit = memchr(buffer + searchFrom, 0x0A, filled - searchFrom) {
                let newline = buffer.distance(to: hit)
                number += 1
                if overlongLength >= 0 {
                    let total = overlongLength + (newline - lineStart)
                    overlongLength = -1
                    if try !body(Line(number: number, bytes: UnsafeRawBufferPointer(start: nil, count: 0), isOverlong: true, byteCount: total)) {
                        return number
                    }
                } else if newline - lineStart > maxLineLength {
                    if try !body(Line(number: number, bytes: UnsafeRawBufferPointer(start: nil, count: 0), isOverlong: true, byteCount: newline - lineStart)) {
                        return number
                    }
                } else {
                    var stop = newline
                    if stop > lineStart && buffer.load(fromByteOffset: stop - 1, as: UInt8.self) == 0x0D { stop -= 1 }
                    let line = Line(number: number, bytes: UnsafeRawBufferPointer(start: buffer + lineStart, count: stop - lineStart),
                                    isOverlong: false, byteCount: stop - lineStart)
                    if try !body(line) { return number }
                }
                lineStart = newline + 1
                searchFrom = lineStart
            }
            // Still inside an overlong line, or an incomplete line just passed the limit: count it and drop its bytes.
            if overlongLength >= 0 {
                overlongLength += filled - lineStart
                filled = 0
                lineStart = 0
            } else if filled - lineStart > maxLineLength {
                overlongLength = filled - lineStart
                filled = 0
                lineStart = 0
            }
        }
        // The last line without a newline.
        if overlongLength >= 0 {
            number += 1
            _ = try body(Line(number: number, bytes: UnsafeRawBufferPointer(start: nil, count: 0), isOverlong: true, byteCount: overlongLength + filled - lineStart))
        } else if filled > lineStart {
            number += 1
            var stop = filled
            if buffer.load(fromByteOffset: stop - 1, as: UInt8.self) == 0x0D { stop -= 1 }
            _ = try body(Line(number: number, bytes: UnsafeRawBufferPointer(start: buffer + lineStart, count: stop - lineStart), isOverlong: false, byteCount: stop - lineStart))
        }
        return number
    }

    /// Opens `path` (read-only), scans it and closes it.
    @discardableResult
    public func scan(path: String, _ body: (Line) throws -> Bool) throws -> Int {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ReadError(code: errno) }
        defer { close(fd) }
        return try scan(fileDescriptor: fd, body)
    }

    private static func read(_ fd: Int32, into pointer: UnsafeMutableRawPointer, count: Int) -> Int {
        while true {
            #if canImport(Glibc)
            let got = Glibc.read(fd, pointer, count)
            #else
            let got = Darwin.read(fd, pointer, count)
            #endif
            if got < 0 && errno == EINTR { continue }
            return got
        }
    }
}

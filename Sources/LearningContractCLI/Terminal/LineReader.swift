/// Splits a `ByteInput` into lines without reading it all first.
///
/// Lines end at `\n`; a trailing `\r` is dropped (CRLF files), and a last line without a newline still
/// counts. A line longer than `maxLineLength` is an error rather than unbounded buffering.
public struct LineReader {
    private let input: any ByteInput
    private let maxLineLength: Int
    private var buffer: [UInt8] = []
    /// Where the current (unreturned) line starts in `buffer`; consumed bytes are dropped only when more is read.
    private var start = 0
    /// Where to resume looking for `\n`, so a long line is not rescanned after every chunk.
    private var searchFrom = 0
    private var finished = false
    /// The 1-based number of the line last returned.
    public private(set) var lineNumber = 0

    public init(input: any ByteInput, maxLineLength: Int) {
        self.input = input
        self.maxLineLength = maxLineLength
    }

    /// The next line's bytes without its terminator, or `nil` at end of input.
    public mutating func nextLineBytes() throws(InputError) -> [UInt8]? {
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[start..<newline]
                start = newline + 1
                searchFrom = start
                return finish(line)
            }
            searchFrom = buffer.count
            if buffer.count - start > maxLineLength { throw .tooLarge(limit: maxLineLength) }
            if finished {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                searchFrom = start
                return finish(line)
            }
            let chunk = try input.read(upTo: 64 * 1024)
            if chunk.isEmpty {
                finished = true
            } else {
                if start > 0 {
                    buffer.removeFirst(start)
                    searchFrom -= start
                    start = 0
                }
                buffer += chunk
            }
        }
    }

    /// The next line as text (invalid UTF-8 repaired with U+FFFD), or `nil` at end of input.
    public mutating func nextLine() throws(InputError) -> String? {
        try nextLineBytes().map { String(decoding: $0, as: UTF8.self) }
    }

    private mutating func finish(_ line: ArraySlice<UInt8>) -> [UInt8] {
        lineNumber += 1
        return Array(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
    }
}

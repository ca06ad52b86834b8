/// Why a payload is not strict RFC 8259 JSON, and exactly where: a byte offset for tools and a
/// line and column for people (`line 3, column 14 (byte 57): trailing comma before '}'`).
///
/// Lines are counted by LF; columns count Unicode scalars from the start of the line, both from 1.
/// The offset counts bytes from 0 and may equal the input's length when the input ended too early.
public struct JSONReadError: Error, Sendable, Codable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case empty, unexpectedEnd, unexpectedByte, trailingComma, invalidNumber, invalidString
        case invalidEscape, invalidUnicode, controlCharacterInString, byteOrderMark, trailingContent
        case depthLimitExceeded, sizeLimitExceeded, invalidUTF8
    }

    public var kind: Kind
    public var offset: Int
    public var line: Int
    public var column: Int
    public var message: String

    public init(kind: Kind, offset: Int, line: Int, column: Int, message: String) {
        self.kind = kind
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column) (byte \(offset)): \(message)" }
}

extension JSONReadError {
    /// Builds an error for `offset` in `bytes`, working out the line and column there.
    /// Only called on failure, so the extra pass over the prefix costs nothing on the happy path.
    static func at(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>, _ kind: Kind, _ message: String) -> JSONReadError {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        var index = 0
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // a continuation byte belongs to the scalar already counted
            }
            index += 1
        }
        return JSONReadError(kind: kind, offset: end, line: line, column: column, message: message)
    }

    /// A readable name for a byte in messages: `'}'` for printable ASCII, `0xFF` otherwise.
    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        switch byte {
        case 0x20: return "space"
        case 0x09: return "tab"
        case 0x0A: return "line feed"
        case 0x0D: return "carriage return"
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
        }
    }
}

/// A strict RFC 8259 reader over UTF-8 bytes.
///
/// Foundation's parsers on Linux accept trailing commas and a leading BOM and silently pick one of
/// duplicate keys, so a validator built on them passes malformed payloads. This reader rejects
/// everything outside the RFC grammar, keeps every object member in order, keeps each number's
/// exact text, and reports duplicate keys with their JSON pointer.
///
/// It is iterative (an explicit stack of open containers), so nesting depth is bounded only by
/// `Limits.maxDepth`, never by the thread's stack.
public struct JSONReader: Sendable {
    public var limits: Limits

    public init(limits: Limits = .default) { self.limits = limits }

    public func read(_ bytes: some Collection<UInt8>) throws(JSONReadError) -> JSONDocument {
        let count = bytes.count
        if count > limits.maxBytes {
            throw JSONReadError(
                kind: .sizeLimitExceeded, offset: min(limits.maxBytes, count), line: 1, column: 1,
                message: "document is \(count) bytes, over the limit of \(limits.maxBytes) bytes")
        }
        let limits = self.limits
        let direct: Result<JSONDocument, JSONReadError>? = bytes.withContiguousStorageIfAvailable { buffer in
            Self.parse(buffer, limits: limits)
        }
        if let direct { return try direct.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer in Self.parse(buffer, limits: limits) }.get()
    }

    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, limits: Limits) -> Result<JSONDocument, JSONReadError> {
        var parser = JSONParser(buffer, limits: limits)
        do throws(JSONReadError) {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}

/// The parsing state for one `read` call. Lives only inside `withUnsafeBufferPointer`.
private struct JSONParser {
    /// One open array or object. Both member lists live in the frame so the stack needs no enum.
    struct Frame {
        var isObject: Bool
        var elements: [JSONValue] = []
        var members: [JSONObject.Member] = []
        /// The name of the member whose value is being read (objects only).
        var pendingKey: String = ""
        /// Names seen so far, built only once an object grows past a few members.
        var keySet: Set<ExactKey>? = nil
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    let maxDepth: Int
    var index = 0
    var stack: [Frame] = []
    var duplicates: [DuplicateKey] = []
    /// Reused buffer for strings that contain escapes.
    var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, limits: JSONReader.Limits) {
        self.bytes = bytes
        self.count = bytes.count
        self.maxDepth = limits.maxDepth
    }

    // MARK: Errors

    func fail(_ kind: JSONReadError.Kind, at offset: Int, _ message: String) -> JSONReadError {
        JSONReadError.at(offset, in: bytes, kind, message)
    }

    func unexpected(_ expectation: String) -> JSONReadError {
        guard index < count else {
            return fail(.unexpectedEnd, at: count, "unexpected end of input; expected \(expectation)")
        }
        let byte = bytes[index]
        if byte == UInt8(ascii: "'") {
            return fail(.invalidString, at: index, "strings and member names must use double quotes, not '")
        }
        return fail(.unexpectedByte, at: index, "unexpected \(JSONReadError.describe(byte)); expected \(expectation)")
    }

    // MARK: Document

    mutating func parseDocument() throws(JSONReadError) -> JSONDocument {
        if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            throw fail(.byteOrderMark, at: 0, "remove the UTF-8 byte order mark (EF BB BF) at the start of the document")
        }
        if count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)) {
            throw fail(.byteOrderMark, at: 0, "found a UTF-16 byte order mark; JSON must be UTF-8 without a byte order mark")
        }
        skipWhitespace()
        if index == count {
            throw fail(.empty, at: index, "the document is empty; expected a JSON value")
        }
        let root = try parseValues()
        skipWhitespace()
        if index < count {
            throw fail(.trailingContent, at: index,
                "unexpected \(JSONReadError.describe(bytes[index])) after the end of the top-level value; only whitespace may follow it")
        }
        return JSONDocument(root: root, duplicateKeys: duplicates)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    /// Reads one complete value (with everything nested in it) without recursion.
    mutating func parseValues() throws(JSONReadError) -> JSONValue {
        while true {
            // Expect a value at `index` (whitespace already skipped).
            var value: JSONValue
            guard index < count else { throw unexpected("a value") }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                try open(isObject: true)
                skipWhitespace()
                if index < count && bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    stack.removeLast()
                    value = .object(JSONObject())
                } else {
                    try readMemberName()
                    continue
                }
            case UInt8(ascii: "["):
                try open(isObject: false)
                skipWhitespace()
                if index < count && bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    stack.removeLast()
                    value = .array([])
                } else {
                    continue
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            case UInt8(ascii: "t"):
                try literal("true"); value = .bool(true)
            case UInt8(ascii: "f"):
                try literal("false"); value = .bool(false)
            case UInt8(ascii: "n"):
                try literal("null"); value = .null
            case UInt8(ascii: "N"), UInt8(ascii: "I"):
                throw fail(.invalidNumber, at: index, "NaN and Infinity are not JSON numbers")
            case UInt8(ascii: "+"), UInt8(ascii: "."):
                throw fail(.invalidNumber, at: index,
                    "a number must start with '-' or a digit (no leading '+' or '.')")
            default:
                throw unexpected("a value")
            }

            // Attach the finished value to its container, closing containers as they end.
            while true {
                guard !stack.isEmpty else { return value }
                let top = stack.count - 1
                if stack[top].isObject {
                    let key = stack[top].pendingKey
                    stack[top].members.append(JSONObject.Member(key: key, value: value))
                } else {
                    stack[top].elements.append(value)
                }
                skipWhitespace()
                guard index < count else {
                    throw unexpected(stack[top].isObject ? "',' or '}'" : "',' or ']'")
                }
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") {
                    let comma = index
                    index += 1
                    skipWhitespace()
                    let closer = stack[top].isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if index < count && bytes[index] == closer {
                        throw fail(.trailingComma, at: comma,
                            "trailing comma before \(JSONReadError.describe(closer)); remove the comma")
                    }
                    if stack[top].isObject { try readMemberName() }
                    break
                }
                if stack[top].isObject && byte == UInt8(ascii: "}") {
                    index += 1
                    let frame = stack.removeLast()
                    value = .object(JSONObject(frame.members))
                    continue
                }
                if !stack[top].isObject && byte == UInt8(ascii: "]") {
                    index += 1
                    let frame = stack.removeLast()
                    value = .array(frame.elements)
                    continue
                }
                throw unexpected(stack[top].isObject ? "',' or '}' after an object member" : "',' or ']' after an array element")
            }
        }
    }

    mutating func open(isObject: Bool) throws(JSONReadError) {
        if stack.count >= maxDepth {
            throw fail(.depthLimitExceeded, at: index,
                "nesting deeper than \(maxDepth) arrays/objects; flatten the document")
        }
        var frame = Frame(isObject: isObject)
        if isObject { frame.members.reserveCapacity(16) } else { frame.elements.reserveCapacity(8) }
        stack.append(frame)
        index += 1
    }

    /// Reads `"name" :` for the object on top of the stack, noting a duplicate name.
    mutating func readMemberName() throws(JSONReadError) {
        guard index < count, bytes[index] == UInt8(ascii: "\"") else {
            throw unexpected("'\"' to start a member name")
        }
        let keyOffset = index
        let key = try parseString()
        let top = stack.count - 1
        if isDuplicate(key, in: top) {
            duplicates.append(DuplicateKey(pointer: pointerToTop().appending(key), key: key, offset: keyOffset))
        }
        stack[top].pendingKey = key
        skipWhitespace()
        guard index < count, bytes[index] == UInt8(ascii: ":") else {
            throw unexpected("':' after the member name")
        }
        index += 1
        skipWhitespace()
    }

    /// Linear scan for small objects, a set as a prefilter once an object has many members.
    /// Names are compared by their UTF-8 bytes (code points, as RFC 8259 implementations do),
    /// not by Swift's canonical equivalence: `"\u00E9"` and `"e\u0301"` are different names.
    mutating func isDuplicate(_ key: String, in top: Int) -> Bool {
        let memberCount = stack[top].members.count
        if memberCount < 32 {
            var position = 0
            while position < memberCount {
                if ExactKey.same(stack[top].members[position].key, key) { return true }
                position += 1
            }
            return false
        }
        if stack[top].keySet == nil {
            stack[top].keySet = Set(stack[top].members.map { ExactKey($0.key) })
        }
        return !stack[top].keySet!.insert(ExactKey(key)).inserted
    }

    /// The pointer of the innermost open container, rebuilt only when a duplicate is found.
    func pointerToTop() -> JSONPointer {
        var tokens: [String] = []
        var level = 1
        while level < stack.count {
            let parent = stack[level - 1]
            tokens.append(parent.isObject ? parent.pendingKey : String(parent.elements.count))
            level += 1
        }
        return JSONPointer(tokens)
    }

    mutating func literal(_ word: StaticString) throws(JSONReadError) {
        let start = index
        let length = word.utf8CodeUnitCount
        let text = word.utf8Start
        for offset in 0..<length {
            guard start + offset < count else {
                throw fail(.unexpectedEnd, at: count, "unexpected end of input inside '\(word)'")
            }
            guard bytes[start + offset] == text[offset] else {
                throw fail(.unexpectedByte, at: start + offset,
                    "unexpected \(JSONReadError.describe(bytes[start + offset])); expected '\(word)' (literals are lowercase)")
            }
        }
        index = start + length
    }

    // MARK: Numbers

    /// RFC 8259: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, text kept as is.
    mutating func parseNumber() throws(JSONReadError) -> JSONNumber {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count, isDigit(bytes[index]) else {
            throw numberError("expected a digit after '-'")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < count && isDigit(bytes[index]) {
                throw fail(.invalidNumber, at: index - 1, "leading zeros are not allowed in numbers")
            }
        } else {
            while index < count && isDigit(bytes[index]) { index += 1 }
        }
        if index < count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < count, isDigit(bytes[index]) else {
                throw numberError("expected a digit after the decimal point")
            }
            while index < count && isDigit(bytes[index]) { index += 1 }
        }
        if index < count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
            index += 1
            if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard index < count, isDigit(bytes[index]) else {
                throw numberError("expected a digit in the exponent")
            }
            while index < count && isDigit(bytes[index]) { index += 1 }
        }
        return JSONNumber(lexeme: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    func numberError(_ message: String) -> JSONReadError {
        guard index < count else { return fail(.invalidNumber, at: count, message + ", found the end of input") }
        return fail(.invalidNumber, at: index, message + ", found \(JSONReadError.describe(bytes[index]))")
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    // MARK: Strings

    /// Reads a string starting at its opening quote. Runs without escapes become a `String`
    /// straight from the byte slice; only escaped strings go through the scratch buffer.
    mutating func parseString() throws(JSONReadError) -> String {
        let start = index + 1
        var cursor = start
        while cursor < count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") {
                index = cursor + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cursor]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(byte, at: cursor) }
            if byte < 0x80 { cursor += 1 } else { cursor = try validateUTF8(at: cursor) }
        }
        guard cursor < count else {
            throw fail(.unexpectedEnd, at: count, "unexpected end of input inside a string; add the closing '\"'")
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<cursor]))
        while cursor < count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\"") {
                index = cursor + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                cursor = try readEscape(at: cursor)
            } else if byte < 0x20 {
                throw controlCharacter(byte, at: cursor)
            } else if byte < 0x80 {
                scratch.append(byte)
                cursor += 1
            } else {
                let end = try validateUTF8(at: cursor)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[cursor..<end]))
                cursor = end
            }
        }
        throw fail(.unexpectedEnd, at: count, "unexpected end of input inside a string; add the closing '\"'")
    }

    func controlCharacter(_ byte: UInt8, at offset: Int) -> JSONReadError {
        fail(.controlCharacterInString, at: offset,
            "raw control character \(JSONReadError.describe(byte)) in a string; escape it (for example \\n or \\u00XX)")
    }

    /// Decodes the escape at `offset` (a backslash) into `scratch`; returns the offset after it.
    mutating func readEscape(at offset: Int) throws(JSONReadError) -> Int {
        guard offset + 1 < count else {
            throw fail(.unexpectedEnd, at: count, "unexpected end of input inside an escape sequence")
        }
        let code = bytes[offset + 1]
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(code)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try hexQuad(at: offset + 2)
            var scalarValue = UInt32(unit)
            var end = offset + 6
            if unit >= 0xDC00 && unit <= 0xDFFF {
                throw fail(.invalidUnicode, at: offset,
                    "lone low surrogate \\u\(hex(unit)); a low surrogate must follow a high surrogate (\\uD800-\\uDBFF)")
            }
            if unit >= 0xD800 && unit <= 0xDBFF {
                guard end + 1 < count, bytes[end] == UInt8(ascii: "\\"), bytes[end + 1] == UInt8(ascii: "u") else {
                    if end >= count {
                        throw fail(.unexpectedEnd, at: count, "unexpected end of input after a high surrogate escape")
                    }
                    throw fail(.invalidUnicode, at: offset,
                        "lone high surrogate \\u\(hex(unit)); it must be followed by a low surrogate escape (\\uDC00-\\uDFFF)")
                }
                let low = try hexQuad(at: end + 2)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw fail(.invalidUnicode, at: offset,
                        "high surrogate \\u\(hex(unit)) is followed by \\u\(hex(low)), not by a low surrogate (\\uDC00-\\uDFFF)")
                }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                end += 6
            }
            appendScalar(scalarValue)
            return end
        default:
            throw fail(.invalidEscape, at: offset,
                "invalid escape '\\' followed by \(JSONReadError.describe(code)); valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
        return offset + 2
    }

    func hex(_ unit: UInt16) -> String {
        let text = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    /// Four hex digits at `offset`.
    func hexQuad(at offset: Int) throws(JSONReadError) -> UInt16 {
        var value: UInt16 = 0
        for position in offset..<(offset + 4) {
            guard position < count else {
                throw fail(.unexpectedEnd, at: count, "unexpected end of input inside a \\u escape")
            }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw fail(.invalidEscape, at: position,
                    "\\u must be followed by four hex digits, found \(JSONReadError.describe(byte))")
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    mutating func appendScalar(_ value: UInt32) {
        switch value {
        case 0..<0x80:
            scratch.append(UInt8(value))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | (value >> 6)))
            scratch.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | (value >> 12)))
            scratch.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (value & 0x3F)))
        default:
            scratch.append(UInt8(0xF0 | (value >> 18)))
            scratch.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            scratch.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// Checks one multi-byte UTF-8 sequence at `offset` (Unicode 15, table 3-7: no overlongs,
    /// no UTF-16 surrogates, nothing past U+10FFFF); returns the offset after it.
    func validateUTF8(at offset: Int) throws(JSONReadError) -> Int {
        let lead = bytes[offset]
        guard let (length, low, high) = UTF8Table.sequence(lead: lead) else {
            switch lead {
            case 0x80...0xBF:
                throw fail(.invalidUTF8, at: offset, "invalid UTF-8: stray continuation byte \(JSONReadError.describe(lead))")
            case 0xC0, 0xC1:
                throw fail(.invalidUTF8, at: offset, "invalid UTF-8: overlong encoding (lead \(JSONReadError.describe(lead)))")
            default:
                throw fail(.invalidUTF8, at: offset, "invalid UTF-8: \(JSONReadError.describe(lead)) cannot start a character")
            }
        }
        for position in (offset + 1)..<(offset + length) {
            guard position < count else {
                throw fail(.invalidUTF8, at: offset, "invalid UTF-8: the input ends inside a multi-byte character")
            }
            let byte = bytes[position]
            let (min, max) = position == offset + 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= min && byte <= max else {
                let reason: String
                if byte & 0xC0 != 0x80 {
                    reason = "truncated multi-byte character"
                } else if lead == 0xED {
                    reason = "UTF-16 surrogate encoded in UTF-8"
                } else if lead == 0xF4 {
                    reason = "code point above U+10FFFF"
                } else {
                    reason = "overlong encoding"
                }
                throw fail(.invalidUTF8, at: offset, "invalid UTF-8: \(reason) at \(JSONReadError.describe(lead))")
            }
        }
        return offset + length
    }
}

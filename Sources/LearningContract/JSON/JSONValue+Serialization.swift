extension JSONValue {
    /// The value as JSON text. Numbers are written by their lexeme (so `20.0` stays `20.0`),
    /// members in order (or sorted by the UTF-8 bytes of their names, stably, when `sortedKeys`),
    /// and strings with minimal escaping: `"`, `\` and control characters only.
    /// `pretty` puts one member or element per line, indented by two spaces.
    public func serialized(pretty: Bool = false, sortedKeys: Bool = false) -> String {
        var writer = JSONWriter(pretty: pretty, sortedKeys: sortedKeys)
        writer.write(self, indent: 0)
        return String(decoding: writer.output, as: UTF8.self)
    }

    /// The compact serialization as UTF-8 bytes (what goes on the wire).
    public var utf8Bytes: [UInt8] {
        var writer = JSONWriter(pretty: false, sortedKeys: false)
        writer.write(self, indent: 0)
        return writer.output
    }
}

/// Appends JSON text to a byte buffer: the package's one JSON writer. The contract serializes with it, and the
/// emulator renders every response with it (straight into bytes, members in order, numbers by their lexeme).
/// Strings get minimal escaping: `"`, `\`, and control characters, with the short forms `\b \f \n \r \t` where
/// JSON has them (RFC 8259 section 7) and `\u00XX` for the others. Recursive: values built by the reader are
/// bounded by its depth limit.
package struct JSONWriter {
    let pretty: Bool
    let sortedKeys: Bool
    package private(set) var output: [UInt8] = []

    package init(pretty: Bool = false, sortedKeys: Bool = false, capacity: Int = 256) {
        self.pretty = pretty
        self.sortedKeys = sortedKeys
        output.reserveCapacity(capacity)
    }

    /// The text written so far.
    package var bytes: [UInt8] { output }

    /// The compact serialization of `value`.
    package static func bytes(of value: JSONValue) -> [UInt8] {
        var writer = JSONWriter(capacity: 1024)
        writer.write(value)
        return writer.output
    }

    /// Text that is already JSON (punctuation, a fixed member name).
    package mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    package mutating func raw(_ byte: UInt8) { output.append(byte) }

    package mutating func append(_ raw: [UInt8]) { output.append(contentsOf: raw) }

    /// Text that is already JSON (a number).
    package mutating func rawText(_ text: String) { output.append(contentsOf: text.utf8) }

    /// `"name":` (the name escaped).
    package mutating func key(_ name: String) {
        string(name)
        output.append(UInt8(ascii: ":"))
    }

    package mutating func write(_ value: JSONValue) { write(value, indent: 0) }

    mutating func write(_ value: JSONValue, indent: Int) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: number.lexeme.utf8)
        case .string(let text): string(text)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            guard !elements.isEmpty else { output.append(UInt8(ascii: "]")); return }
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                write(element, indent: indent + 1)
            }
            newline(indent)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            guard !object.isEmpty else { output.append(UInt8(ascii: "}")); return }
            let members = sortedKeys
                ? object.members.enumerated().sorted { lhs, rhs in
                    if lhs.element.key == rhs.element.key { return lhs.offset < rhs.offset }
                    return lhs.element.key.utf8.lexicographicallyPrecedes(rhs.element.key.utf8)
                }.map(\.element)
                : object.members
            for (position, member) in members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                string(member.key)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                write(member.value, indent: indent + 1)
            }
            newline(indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    mutating func newline(_ indent: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// A string literal. Runs of bytes that need no escape are copied at once (rendering is the GET hot path).
    package mutating func string(_ text: String) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if start < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index])) }
                start = index + 1
                output.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
                case 0x0A: output.append(UInt8(ascii: "n"))
                case 0x0D: output.append(UInt8(ascii: "r"))
                case 0x09: output.append(UInt8(ascii: "t"))
                case 0x08: output.append(UInt8(ascii: "b"))
                case 0x0C: output.append(UInt8(ascii: "f"))
                default:
                    output.append(contentsOf: "u00".utf8)
                    output.append(Self.hexDigits[Int(byte >> 4)])
                    output.append(Self.hexDigits[Int(byte & 0x0F)])
                }
            }
            if start < utf8.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

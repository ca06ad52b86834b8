/// How an error code or message a server returned relates to a row: the canonical text, a documented
/// variant (with its sources), or neither. The conformance runner and tests use it, so template matching
/// lives in one place.
public enum ErrorTextMatch: Sendable, Hashable {
    case canonical
    case variant(String, sources: [String])
    case mismatch

    public var isAccepted: Bool { self != .mismatch }
}

extension ErrorRow {
    /// Classifies an `error.code` value.
    public func classify(code actual: String) -> ErrorTextMatch {
        if actual == code { return .canonical }
        if let variant = variants.first(where: { $0.part == .code && $0.value == actual }) {
            return .variant(variant.value, sources: variant.sources)
        }
        return .mismatch
    }

    /// Classifies an `error.message` value against the template (slots match any non-empty text) and the
    /// documented message variants (a variant ending in `…` matches by prefix).
    public func classify(message actual: String) -> ErrorTextMatch {
        if Self.matches(template: messageTemplate, actual) { return .canonical }
        for variant in variants where variant.part == .message && Self.matches(template: variant.value, actual) {
            return .variant(variant.value, sources: variant.sources)
        }
        return .mismatch
    }

    /// Whether `text` fits `template`: literal parts in order, each `{slot}` standing for one or more characters,
    /// and a trailing `…` meaning "followed by anything".
    public static func matches(template: String, _ text: String) -> Bool {
        var pieces: [Substring] = []
        var rest = template[...]
        let openEnded = rest.hasSuffix("…")
        if openEnded { rest = rest.dropLast() }
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pieces.append(rest[..<open])
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(rest)
        var cursor = text[...]
        for (index, piece) in pieces.enumerated() {
            if index == 0 {
                guard cursor.hasPrefix(piece) else { return false }
                cursor = cursor.dropFirst(piece.count)
                continue
            }
            // A slot precedes this piece: at least one character, then the piece.
            guard !cursor.isEmpty else { return false }
            let isLast = index == pieces.count - 1
            if isLast && !openEnded {
                guard cursor.count > piece.count, cursor.hasSuffix(piece) else { return false }
                return true
            }
            guard let found = firstRange(of: piece, in: cursor.dropFirst()) else { return false }
            cursor = cursor[found.upperBound...]
        }
        return openEnded || cursor.isEmpty
    }

    private static func firstRange(of piece: Substring, in text: Substring) -> Range<Substring.Index>? {
        if piece.isEmpty { return text.startIndex..<text.startIndex }
        var start = text.startIndex
        while start < text.endIndex {
            if text[start...].hasPrefix(piece) { return start..<text.index(start, offsetBy: piece.count) }
            start = text.index(after: start)
        }
        return nil
    }
}

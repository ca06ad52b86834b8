/// Text that came from a peer (a target's header, body member, id or error code), bounded before it is echoed
/// into a deviation, a note, a curl line or a report: a hostile target must not make the output, or the
/// runner's memory, grow with what it sends. The original length is kept in the text.
public enum PeerText {
    /// Characters shown of one peer-controlled value.
    public static let shownCharacters = 512

    /// `text` itself when it is short, else its first `limit` characters and `… (N chars)`, N the original length
    /// in Unicode scalars. Linear in `limit`, not in the text: a 4,000,000-character value costs one count.
    public static func bounded(_ text: String, limit: Int = shownCharacters) -> String {
        // Fast path: a short UTF-8 text has at most that many scalars.
        if text.utf8.count <= limit { return text }
        let scalars = text.unicodeScalars
        let total = scalars.count
        if total <= limit { return text }
        var shown = String.UnicodeScalarView()
        shown.append(contentsOf: scalars.prefix(limit))
        return String(shown) + "… (\(total) chars)"
    }
}

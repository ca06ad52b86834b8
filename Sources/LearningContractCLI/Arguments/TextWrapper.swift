/// Word wrapping for help text, so every line fits the help width (80 columns).
public enum TextWrapper {
    /// Wraps `text` to `width` columns. Paragraphs (separated by blank lines) are filled; lines that
    /// start with a space are preformatted and kept as they are. `indent` prefixes every line,
    /// `firstLineIndent` (when given) replaces it on the first one. Words longer than a line are not broken.
    public static func wrap(_ text: String, width: Int, indent: Int = 0, firstLineIndent: Int? = nil) -> [String] {
        var lines: [String] = []
        var currentIndent = firstLineIndent ?? indent
        var current = ""
        var hasWords = false

        func flush() {
            if hasWords { lines.append(String(repeating: " ", count: currentIndent) + current) }
            current = ""
            hasWords = false
            currentIndent = indent
        }

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if rawLine.trimmingWhitespace.isEmpty {
                flush()
                if lines.last != "" { lines.append("") }
                currentIndent = indent
                continue
            }
            if rawLine.hasPrefix(" ") {
                flush()
                lines.append(String(repeating: " ", count: currentIndent) + rawLine)
                currentIndent = indent
                continue
            }
            for word in rawLine.split(separator: " ", omittingEmptySubsequences: true) {
                let available = max(width - currentIndent, 1)
                if hasWords, current.count + 1 + word.count > available {
                    lines.append(String(repeating: " ", count: currentIndent) + current)
                    current = ""
                    hasWords = false
                    currentIndent = indent
                }
                current += (hasWords ? " " : "") + word
                hasWords = true
            }
        }
        flush()
        while lines.last == "" { lines.removeLast() }
        while lines.first == "" { lines.removeFirst() }
        return lines
    }

    /// A two-column entry (`  --format <format>   Output format.`): the label in the left column and the
    /// wrapped text from `column`; a label too wide for the column puts the text on the next line.
    public static func entry(label: String, text: String, column: Int, width: Int, labelIndent: Int = 2) -> [String] {
        let prefix = String(repeating: " ", count: labelIndent) + label
        if text.isEmpty { return [prefix] }
        if prefix.count + 2 <= column {
            var lines = wrap(text, width: width, indent: column, firstLineIndent: column)
            if let first = lines.first {
                let body = first.dropFirst(column)
                lines[0] = prefix.padding(toLength: column) + body
            }
            return lines
        }
        return [prefix] + wrap(text, width: width, indent: column)
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}

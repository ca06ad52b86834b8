/// XML 1.0 text and attribute escaping, for every report written as XML or HTML (JUnit, the HTML report, the
/// client-verification JUnit): `& < > " '` become entities; characters XML 1.0 forbids even escaped (controls other
/// than tab, LF and CR, surrogates, U+FFFE and U+FFFF) become U+FFFD.
public enum XMLText {
    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && !(0xD800...0xDFFF).contains(value) && value != 0xFFFE && value != 0xFFFF
                out.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return out
    }
}

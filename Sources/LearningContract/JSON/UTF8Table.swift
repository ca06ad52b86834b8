/// Unicode 15, table 3-7: the well-formed UTF-8 sequences by lead byte. The reader and the fast path both
/// validate strings with it, so they reject the same bytes (no overlongs, no UTF-16 surrogates, nothing
/// past U+10FFFF).
enum UTF8Table {
    /// For a multi-byte lead: the sequence length and the range the second byte must fall in (later bytes are
    /// plain continuations, 0x80...0xBF). Nil for a byte that can't start a multi-byte sequence.
    @inline(__always)
    static func sequence(lead: UInt8) -> (length: Int, low: UInt8, high: UInt8)? {
        switch lead {
        case 0xC2...0xDF: (2, 0x80, 0xBF)
        case 0xE0: (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
        case 0xED: (3, 0x80, 0x9F)
        case 0xF0: (4, 0x90, 0xBF)
        case 0xF1...0xF3: (4, 0x80, 0xBF)
        case 0xF4: (4, 0x80, 0x8F)
        default: nil
        }
    }
}

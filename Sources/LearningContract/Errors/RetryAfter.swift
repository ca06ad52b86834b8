/// `Retry-After` and the minutes of the throttling messages: the one place that turns seconds into the
/// "Retry after {noOfMinutes} minutes" of the 429 and 503 rows (ambiguity `retryAfterUnits`: the header carries
/// seconds, the message minutes = ceil(seconds / 60)). The emulator renders with it and the runner judges with it.
///
/// A header as a target sends it is parsed with bounds: RFC 9110 section 10.2.3 allows delay-seconds (`1*DIGIT`)
/// or an HTTP-date. Anything else, a sign, a fraction, or a number no `Int` holds, is not a delay.
public enum RetryAfter {
    /// `ceil(seconds / 60)`, without arithmetic that can overflow; 0 for 0 (and for a negative count).
    public static func minutes(forSeconds seconds: Int) -> Int {
        guard seconds > 0 else { return 0 }
        return seconds / 60 + (seconds % 60 == 0 ? 0 : 1)
    }

    /// Longest delay the runner takes from a header at face value (one day); larger ones are clamped here and
    /// then bounded by `--max-retry-wait` and the run's throttling budget.
    public static let maxSeconds = 86_400

    /// The delay in seconds when the value is delay-seconds, clamped to `maxSeconds`; nil when it is not.
    public static func seconds(_ value: String?) -> Int? {
        guard let digits = digits(value) else { return nil }
        // More than 9 digits is past a day anyway: clamp instead of converting (no overflow is possible).
        if digits.count > 9 { return maxSeconds }
        var result = 0
        for byte in digits { result = result * 10 + Int(byte - 48) }
        return min(result, maxSeconds)
    }

    /// `ceil(seconds / 60)` of the exact value, for the "try again in N minutes" messages; nil when the value
    /// is not delay-seconds or too large for an `Int` (the message can then never match, which is reported).
    public static func minutes(_ value: String?) -> Int? {
        guard let digits = digits(value), digits.count <= 18 else { return nil }
        var seconds = 0
        for byte in digits { seconds = seconds * 10 + Int(byte - 48) }
        return minutes(forSeconds: seconds)
    }

    private static func digits(_ value: String?) -> [UInt8]? {
        guard let value else { return nil }
        let trimmed = value.utf8.drop { $0 == 32 || $0 == 9 }.reversed().drop { $0 == 32 || $0 == 9 }.reversed()
        let digits = Array(trimmed)
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return digits
    }
}

@testable import LearningConformance
import LearningContract
import LearningHTTP
import Testing

/// Values a target controls, taken apart with bounds: Retry-After, echoed text, captured values, member names.
@Suite struct PeerInputTests {
    // RFC 9110 section 10.2.3: Retry-After = HTTP-date / delay-seconds (1*DIGIT).
    @Test(arguments: [
        ("120", 120, 2), (" 61 ", 61, 2), ("0", 0, 0), ("60", 60, 1),
        ("9223372036854775807", RetryAfter.maxSeconds, nil), ("99999999999999999999999999", RetryAfter.maxSeconds, nil),
        ("999999999999999999", RetryAfter.maxSeconds, 16_666_666_666_666_667),
    ] as [(String, Int, Int?)])
    func delaySecondsAreParsedWithBounds(_ value: String, _ seconds: Int, _ minutes: Int?) {
        #expect(RetryAfter.seconds(value) == seconds)
        #expect(RetryAfter.minutes(value) == minutes)
    }

    @Test(arguments: ["-5", "+5", "1.5", "1e9", "abc", "", " ", "Wed, 21 Oct 2015 07:28:00 GMT", "٣"])
    func anythingElseIsNotADelay(_ value: String) {
        #expect(RetryAfter.seconds(value) == nil)
        #expect(RetryAfter.minutes(value) == nil)
    }

    @Test func peerTextKeepsShortTextAndBoundsLongTextWithItsLength() {
        #expect(PeerText.bounded("short") == "short")
        let long = String(repeating: "é", count: 4_000_000)
        let shown = PeerText.bounded(long)
        #expect(shown.hasSuffix("… (4000000 chars)"))
        #expect(shown.count == PeerText.shownCharacters + "… (4000000 chars)".count)
    }

    @Test(arguments: [
        ("plain", "'plain'"),
        ("it's", #"'it'\''s'"#),
        ("a\r\nb", #"$'a\r\nb'"#),
        ("x\u{1B}[31m'y\\", #"$'x\x1b[31m\'y\\'"#),
    ])
    func curlQuotingIsShellSafeOnOneLine(_ text: String, _ quoted: String) {
        #expect(CurlCommand.quote(text) == quoted)
    }

    @Test(arguments: [
        ("/a/{{id}}", "a\r\nGET /x HTTP/1.1", "/a/a%0D%0AGET%20%2Fx%20HTTP%2F1.1"),
        ("/a/{{id}}", "x:y@z", "/a/x:y@z"),
        ("/a/{{id}}", "50%/..?#", "/a/50%25%2F..%3F%23"),
        ("/a?q={{id}}", "a&b=c d", "/a?q=a%26b%3Dc%20d"),
        ("/a?q={{id}}", "x/y?z", "/a?q=x/y?z"),
        ("/a/{{id|percent}}", "é:1", "/a/%C3%A9%3A1"),
    ])
    func capturedValuesArePercentEncodedForTheRequestTarget(_ template: String, _ value: String, _ expected: String) {
        var missing: [String] = []
        #expect(Substitution.apply(template, ["id": .string(value)], missing: &missing, for: .requestTarget) == expected)
        #expect(missing.isEmpty)
    }

    @Test(arguments: [
        ("Authorization", "Bearer x", true), ("X-Api-Key", "k", true), ("Ocp-Apim-Subscription-Key", "k", true),
        ("X-Session-Token", "t", true), ("Cookie", "a=b", true), ("X-Client-Secret", "s", true),
        ("X-Forwarded-Auth", "whatever", true), ("X-Custom", "Bearer abc.def", true), ("X-Custom", "eyJhbGciOi.eyJzdWIi.sig", true),
        ("X-Tenant", "contoso", false), ("Prefer", "return=minimal", false), ("Accept-Language", "en", false),
    ])
    func credentialLookingHeadersAreRedacted(_ name: String, _ value: String, _ secret: Bool) {
        #expect(Redactor.isSecretHeader(name: name, value: value) == secret)
        #expect((Redactor.redactHeader(name: name, value: value) == value) == !secret)
    }

    @Test func memberNamesAreComparedByBytesNotCanonicalEquivalence() {
        // "café" precomposed (U+00E9) and decomposed (e + U+0301) are equal Swift Strings, different members.
        let precomposed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(precomposed == decomposed)
        var comparator = ResponseComparator(rows: .contract)
        comparator.compare(.object(JSONObject([.init(key: precomposed, value: 1)])), .object(JSONObject([.init(key: decomposed, value: 1)])), at: .root)
        #expect(comparator.findings.map(\.kind) == [.missing])
        #expect(comparator.extras.count == 1)
    }

    @Test func undeclaredMembersAreListedUpToTheBoundAndCounted() {
        let members = (0..<1000).map { JSONObject.Member(key: "m\($0)", value: .null) }
        var comparator = ResponseComparator(rows: .contract)
        comparator.compare(.object(["m0": .null]), .object(JSONObject(members)), at: .root)
        #expect(comparator.findings.isEmpty)
        #expect(comparator.extras.count == ResponseComparator.maxExtras)
        #expect(comparator.extrasLeftOut == 999 - ResponseComparator.maxExtras)
    }

    @Test func aComparisonPastItsDeadlineStopsAndSaysSo() {
        let items = JSONValue.array((0..<5000).map { _ in .object(["a": 1]) })
        var comparator = ResponseComparator(rows: .contract)
        comparator.deadline = .now - .seconds(1)
        comparator.compare(items, items, at: .root)
        #expect(comparator.findings.map(\.kind) == [.deadline])
    }

    @Test func headerValuesWithControlCharactersAreRecognised() {
        #expect(ConformanceRunner.hasControlCharacter("a\r\nb"))
        #expect(ConformanceRunner.hasControlCharacter("a\u{0}"))
        #expect(!ConformanceRunner.hasControlCharacter("a\tb é"))
    }
}

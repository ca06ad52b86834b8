import Foundation
import LearningContract
import Testing

/// Every citation the contract carries resolves for a reader of the repository: each `Source` names a page of
/// `DocumentationPage.all` (or a public address itself), and its description prints that address.
/// (cite.py: skip-file)
@Suite struct SourceResolutionTests {
    /// What the contract is made of, by name: error rows, contradictions, rules, examples, endpoints, permissions.
    static let parts = [
        "ErrorRow.documented", "Ambiguity.documented", "RuleSet.standard()", "DocumentedExample.all", "APIEndpoint.all",
        "OperationPermission.documented",
    ]

    static func value(of part: String) -> any Sendable {
        switch part {
        case "ErrorRow.documented": ErrorRow.documented
        case "Ambiguity.documented": Ambiguity.documented
        case "RuleSet.standard()": RuleSet.standard()
        case "DocumentedExample.all": DocumentedExample.all
        case "APIEndpoint.all": APIEndpoint.all
        default: OperationPermission.documented
        }
    }

    /// Every `Source` and every string inside `value`, found by reflection so that a new field is covered too.
    static func collect(_ value: Any, sources: inout [Source], strings: inout [String]) {
        if let source = value as? Source { sources.append(source); return }
        if let string = value as? String { strings.append(string); return }
        for child in Mirror(reflecting: value).children { collect(child.value, sources: &sources, strings: &strings) }
    }

    static func contents(_ value: Any) -> (sources: [Source], strings: [String]) {
        var sources: [Source] = [], strings: [String] = []
        collect(value, sources: &sources, strings: &strings)
        return (sources, strings)
    }

    /// Page labels as the code writes them: `CREATE-v1`, `RES-LCA-beta`, `ERR-PAGE`.
    static var labelPattern: Regex<AnyRegexOutput> { try! Regex(#"\b[A-Z]+(?:-[A-Z]+)*-(?:v1|beta|PAGE)\b"#) }

    @Test(arguments: parts)
    func everySourceResolvesToAPublicAddress(part: String) throws {
        let value = Self.value(of: part)
        let sources = Self.contents(value).sources
        // Ambiguity readings name their pages in text, which `everyLabelNamedInTheTextIsAPage` checks.
        if part != "Ambiguity.documented" { #expect(!sources.isEmpty, "\(part) holds no Source") }
        for source in sources where !source.isAssumed {
            let address = try #require(source.address, "\(part): page '\(source.page)' is not in DocumentationPage.all")
            #expect(DocumentationPage.publicHosts.contains { address.hasPrefix($0) }, "\(part): \(address)")
            #expect(source.description.hasPrefix(address + ", "), "\(part): \(source.description)")
        }
    }

    @Test(arguments: parts)
    func everyLabelNamedInTheTextIsAPage(part: String) throws {
        let value = Self.value(of: part)
        let (sources, strings) = Self.contents(value)
        for text in strings + sources.map(\.location) {
            for match in text.matches(of: Self.labelPattern) {
                let label = String(text[match.range])
                #expect(DocumentationPage.named(label) != nil, "\(part): '\(label)' in \"\(text.prefix(120))\"")
            }
        }
    }

    @Test(arguments: parts)
    func noDescriptionCitesTheRestatement(part: String) throws {
        let value = Self.value(of: part)
        let pattern = try Regex(#"(?i)\bspec\b|graph-spec|world\.md"#)
        for source in Self.contents(value).sources {
            #expect(source.description.firstMatch(of: pattern) == nil, "\(part): \(source.description)")
        }
    }

    @Test func labelsAreUniqueAndAddressesPublic() {
        let labels = DocumentationPage.all.map(\.label)
        #expect(Set(labels).count == labels.count)
        for page in DocumentationPage.all {
            #expect(DocumentationPage.publicHosts.contains { page.address.hasPrefix($0) }, "\(page.label): \(page.address)")
            #expect(!page.address.contains(" "), "\(page.label): \(page.address)")
        }
    }

    /// The pages of the documented operations, by the addresses learn.microsoft.com gives them
    /// (graph-rest-1.0 view), written out here rather than derived from the table under test.
    @Test(arguments: [
        ("CREATE-v1", "learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0"),
        ("GET-v1", "learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0"),
        ("LIST-v1", "learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0"),
        ("UPDATE-v1", "learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0"),
        ("DELETE-v1", "learn.microsoft.com/graph/api/learningcourseactivity-delete?view=graph-rest-1.0"),
        ("UPDATE-beta", "learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-beta"),
        ("RES-LA-v1", "learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0"),
        ("ERRORS", "learn.microsoft.com/graph/errors"),
        ("CSDL-v1", "graph.microsoft.com/v1.0/$metadata"),
    ])
    func labelMapsToItsPage(label: String, address: String) {
        #expect(DocumentationPage.named(label)?.address == address)
        #expect(Source(label, "row 1").description == address + ", row 1")
    }

    @Test func assumedAndUnknownPages() {
        #expect(Source.assumed("no limit documented").description == "assumed: no limit documented")
        #expect(Source.assumed("x").address == nil)
        // A page the table lacks prints its label, and the resolution test above fails on it.
        #expect(Source("NO-SUCH-v1", "row 2").address == nil)
        #expect(Source("NO-SUCH-v1", "row 2").description == "NO-SUCH-v1, row 2")
        // A page cited once is written as its public address and prints as such.
        let once = "learn.microsoft.com/graph/api/learningprovider-get?view=graph-rest-1.0"
        #expect(Source(once, "Permissions table").description == once + ", Permissions table")
    }

    /// Free-text citations (readings, variants) print with each label replaced by its page's address.
    @Test(arguments: [
        ("older GET-v1 (0426793f)", "older learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0 (0426793f)"),
        ("GET-v1/LIST-v1 examples",
         "learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0/learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0 examples"),
        ("RES-LCA-beta", "github.com/microsoftgraph/microsoft-graph-docs-contrib/blob/01483532/api-reference/beta/resources/learningcourseactivity.md"),
        ("CSDL-v1 property and alternate key", "graph.microsoft.com/v1.0/$metadata property and alternate key"),
        ("every request and response example", "every request and response example"),
        ("XGET-v1 and GET-v1x are no labels", "XGET-v1 and GET-v1x are no labels"),
    ])
    func freeTextCitesAddresses(text: String, expected: String) {
        #expect(DocumentationPage.citing(text) == expected)
    }

    /// A location that names other pages by label prints them by address too, as do the exported readings.
    @Test func labelsInsideALocationAndInExportedReadingsPrintAsAddresses() throws {
        let source = Source("CREATE-v1", "row completionPercentage; also UPDATE-v1, RES-LA-v1")
        #expect(source.description == "learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, "
                + "row completionPercentage; also learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, "
                + "learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0")
        let reading = try JSONValue(encoding: Ambiguity.Reading("x", sources: ["TYPEMAP-beta"]))
        #expect(reading["sources"]?.arrayValue?.first?.stringValue?.hasPrefix("TYPEMAP") == false, "\(reading)")
        let variant = try JSONValue(encoding: ErrorRow.Variant(.code, "x", sources: ["GET-v1 older"]))
        #expect(variant["sources"]?.arrayValue?.first == "learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0 older")
    }

    /// Exports (`Schemas/error-catalog.json`, `--format json`) carry the address beside the label.
    @Test func encodedSourceCarriesTheAddress() throws {
        let encoded = try JSONValue(encoding: Source("DELETE-v1", "Responses table, row 404"))
        #expect(encoded["address"]?.stringValue == "learn.microsoft.com/graph/api/learningcourseactivity-delete?view=graph-rest-1.0")
        #expect(encoded["page"]?.stringValue == "DELETE-v1")
        let assumed = try JSONValue(encoding: Source.assumed("why"))
        #expect(assumed["address"] == nil)
        let decoded = try JSONDecoder().decode(Source.self, from: Data(#"{"page":"GET-v1","location":"row 6","address":"ignored"}"#.utf8))
        #expect(decoded == Source("GET-v1", "row 6"))
    }
}

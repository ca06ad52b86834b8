/// A documentation page a `Source` names by its short label, and the public address a reader opens to find it.
///
/// Labels stay short in the code (`CREATE-v1`, `CSDL-v1`); `Source.description` prints the address instead.
/// The address is a path without the scheme: a learn.microsoft.com page (`?view=graph-rest-1.0` for v1.0,
/// `?view=graph-rest-beta` for beta), the live metadata document, or, for a page that only ever existed as an
/// early draft in the docs repository, that file on GitHub at the commit that holds it.
public struct DocumentationPage: Codable, Sendable, Hashable {
    /// The label the code uses (`GET-v1`).
    public var label: String
    /// Public address without the scheme (`learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0`).
    public var address: String

    public init(_ label: String, _ address: String) {
        self.label = label
        self.address = address
    }

    /// The page with this label, or nil for a label no page has.
    public static func named(_ label: String) -> DocumentationPage? { byLabel[label] }

    /// The public address a `Source.page` stands for: the address of the page with that label, or the page itself
    /// where it is already a public address (pages cited once, like `learn.microsoft.com/graph/api/learningprovider-get?…`).
    /// Nil for `assumed` and for a label no page has.
    public static func address(of page: String) -> String? {
        if let known = byLabel[page] { return known.address }
        return publicHosts.contains { page.hasPrefix($0) } ? page : nil
    }

    /// `text` with every page label in it replaced by the page's address, for citations kept as free text
    /// (an ambiguity's readings, an error row's variants): `older GET-v1 (0426793f)` →
    /// `older learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0 (0426793f)`.
    public static func citing(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            let start = rest.startIndex
            let atWordStart = start == text.startIndex || !isLabelCharacter(text[text.index(before: start)])
            if atWordStart, let page = labelsLongestFirst.first(where: { label in
                rest.hasPrefix(label.label) && (rest.dropFirst(label.label.count).first.map { !isLabelCharacter($0) } ?? true)
            }) {
                result += page.address
                rest = rest.dropFirst(page.label.count)
            } else {
                result.append(rest.removeFirst())
            }
        }
        return result
    }

    private static func isLabelCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-"
    }

    private static let labelsLongestFirst = all.sorted { $0.label.count > $1.label.count }

    /// Hosts whose paths a reader can open without this repository.
    public static let publicHosts = [
        "learn.microsoft.com/", "graph.microsoft.com/", "github.com/", "docs.oasis-open.org/", "www.rfc-editor.org/",
    ]

    private static let byLabel: [String: DocumentationPage] = Dictionary(all.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })

    private static let api = "learn.microsoft.com/graph/api/"
    private static let v1 = "?view=graph-rest-1.0"
    private static let beta = "?view=graph-rest-beta"
    private static let docsRepository = "github.com/microsoftgraph/microsoft-graph-docs-contrib/blob/"
    private static let metadataRepository = "github.com/microsoftgraph/msgraph-metadata/blob/master/"

    /// Every page the package cites, one row per label.
    public static let all: [DocumentationPage] = [
        // Operation pages, v1.0.
        DocumentationPage("CREATE-v1", api + "employeeexperienceuser-post-learningcourseactivities" + v1),
        DocumentationPage("GET-v1", api + "learningcourseactivity-get" + v1),
        DocumentationPage("LIST-v1", api + "learningcourseactivity-list" + v1),
        DocumentationPage("UPDATE-v1", api + "learningcourseactivity-update" + v1),
        DocumentationPage("DELETE-v1", api + "learningcourseactivity-delete" + v1),
        DocumentationPage("LP-UPDATE-v1", api + "learningprovider-update" + v1),
        DocumentationPage("LC-UPDATE-v1", api + "learningcontent-update" + v1),
        DocumentationPage("PERM-UPDATE-v1", docsRepository + "main/api-reference/v1.0/includes/permissions/learningcourseactivity-update-permissions.md"),
        // Operation pages, beta.
        DocumentationPage("CREATE-beta", api + "employeeexperienceuser-post-learningcourseactivities" + beta),
        DocumentationPage("GET-beta", api + "learningcourseactivity-get" + beta),
        DocumentationPage("LIST-beta", api + "learningcourseactivity-list" + beta),
        DocumentationPage("UPDATE-beta", api + "learningcourseactivity-update" + beta),
        DocumentationPage("DELETE-beta", api + "learningcourseactivity-delete" + beta),
        DocumentationPage("PERM-GET-beta", docsRepository + "286d28db/api-reference/beta/includes/permissions/learningcourseactivity-get-permissions.md"),
        DocumentationPage("PERM-LIST-beta", docsRepository + "76f025a0/api-reference/beta/includes/permissions/learningcourseactivity-list-permissions.md"),
        // Early beta drafts: only the docs repository at these commits holds them.
        DocumentationPage("GETBYEXT-beta", docsRepository + "2d500b7f/api-reference/beta/api/learningcourseactivity-getByExternalCourseActivityId.md"),
        DocumentationPage("DETAILS-beta", docsRepository + "311d996f/api-reference/beta/api/learningcourseactivity-details.md"),
        DocumentationPage("EEU-LIST-beta", docsRepository + "ce1059bf/api-reference/beta/api/employeeexperienceuser-list-learningcourseactivities.md"),
        // The early beta resource page is the only one with an error table that names methods.
        DocumentationPage("RES-LCA-beta", docsRepository + "01483532/api-reference/beta/resources/learningcourseactivity.md"),
        DocumentationPage("RES-LA-beta", api + "resources/learningassignment" + beta),
        DocumentationPage("RES-LSIC-beta", api + "resources/learningselfinitiatedcourse" + beta),
        // Resource pages, v1.0.
        DocumentationPage("RES-LCA-v1", api + "resources/learningcourseactivity" + v1),
        DocumentationPage("RES-LA-v1", api + "resources/learningassignment" + v1),
        DocumentationPage("RES-LSIC-v1", api + "resources/learningselfinitiatedcourse" + v1),
        DocumentationPage("RES-LP-v1", api + "resources/learningprovider" + v1),
        DocumentationPage("RES-LC-v1", api + "resources/learningcontent" + v1),
        DocumentationPage("OVERVIEW-v1", api + "resources/viva-learning-api-overview" + v1),
        DocumentationPage("ITEMBODY-v1", api + "resources/itembody" + v1),
        DocumentationPage("DTTZ", api + "resources/datetimetimezone" + v1),
        DocumentationPage("ENUMS", api + "resources/enums" + beta),
        // The learning errors page: a conceptual page by jprasad whose file name in the docs repository is not known.
        DocumentationPage("ERR-PAGE", "github.com/search?type=code&q=repo%3Amicrosoftgraph%2Fmicrosoft-graph-docs-contrib+%22Error+Responses+in+the+LearningCourseActivity+API%22"),
        // Graph-wide concept pages.
        DocumentationPage("ERRORS", "learn.microsoft.com/graph/errors"),
        DocumentationPage("THROTTLING", "learn.microsoft.com/graph/throttling"),
        DocumentationPage("QUERY", "learn.microsoft.com/graph/query-parameters"),
        // Metadata, the OpenAPI generated from it, and the SDKs generated from that.
        DocumentationPage("CSDL-v1", "graph.microsoft.com/v1.0/$metadata"),
        DocumentationPage("TYPEMAP-beta", metadataRepository + "schemas/type-mappings/beta-entity-types.json"),
        DocumentationPage("OAS-mirror", metadataRepository + "openapi/v1.0/openapi.yaml"),
        DocumentationPage("SDK", "github.com/microsoftgraph/msgraph-sdk-go/tree/main/employeeexperience"),
    ]
}

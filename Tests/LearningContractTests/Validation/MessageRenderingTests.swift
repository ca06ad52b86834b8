@testable import LearningContract
import Testing

/// The validator renders messages in one pass; it must give what the catalog's own `render` gives.
@Suite("Validator: message rendering")
struct MessageRenderingTests {
    @Test(arguments: ErrorCatalog.documented.rows)
    func oneRowRendersAsTheCatalogDoes(_ row: ErrorRow) {
        let slots = ["expectedLength": "256"]
        #expect(Validator.render(row.messageTemplate, field: "notes.content", slots: slots)
            == row.render(slots.merging(["fieldName": "notes.content"]) { a, _ in a }))
    }

    /// Templates a custom catalog may hold. An unclosed brace used to repeat the text before it ("Field Field {x").
    @Test(arguments: ["Field {fieldName is {x", "{", "}{fieldName}", "{fieldName}{expectedLength}", "a {unknown} b {fieldName}", "no slots"])
    func customTemplateRendersAsTheCatalogDoes(_ template: String) {
        let row = ErrorRow(id: "custom", scenario: "custom", status: 400, code: "badRequest", message: template, operations: [], sources: [])
        #expect(Validator.render(template, field: "notes.content", slots: ["expectedLength": "256"])
            == row.render(["expectedLength": "256", "fieldName": "notes.content"]))
    }
}

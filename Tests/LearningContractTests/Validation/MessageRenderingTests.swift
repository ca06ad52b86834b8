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
}

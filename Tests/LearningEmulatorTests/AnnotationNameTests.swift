import LearningContract
import LearningEmulator
import Testing

/// Finding A2 (Tests/Scripts/EXTERNAL-FINDINGS.md): a member name holding `@` is an instance annotation (OData JSON
/// Format 4.01, section 18 "Instance Annotations"; the exported schemas' `patternProperties {"@": true}`), whatever
/// follows the `@`. Found by Unicode scalar, as JSON Schema does, not by grapheme cluster: `"a@\u0301"` (a combining
/// mark after the `@`) and `"x@🏻"` (an emoji modifier) are annotations the emulator accepts and ignores.
@Suite struct AnnotationNameTests {
    static let names = [#"a@\u0301"#, #"\u00af@\ud83c\udffb"#, "x@\u{1F3FB}", "a@", "a@b"]

    @Test(arguments: names)
    func aProviderCreateAcceptsTheAnnotation(_ name: String) {
        let h = EmulatorHarness()
        let body = #"""
        {"\#(name)": 1, "displayName": "P", "squareLogoWebUrlForDarkTheme": "https://e.example/l.png",
         "longLogoWebUrlForDarkTheme": "https://e.example/l.png", "squareLogoWebUrlForLightTheme": "https://e.example/l.png",
         "longLogoWebUrlForLightTheme": "https://e.example/l.png"}
        """#
        let r = h.send("POST", "/v1.0/employeeExperience/learningProviders", token: EmulatorHarness.token(delegated: ["LearningProvider.ReadWrite"]), json: body)
        #expect(r.status == 201, "\(r.errorMessage ?? "")")
    }

    @Test(arguments: names)
    func anActivityCreateAcceptsTheAnnotation(_ name: String) {
        let h = EmulatorHarness()
        let body = #"""
        {"\#(name)": 1, "@odata.type": "#microsoft.graph.learningSelfInitiatedCourse", "learnerUserId": "\#(DocsWorld.learnerID)",
         "learningContentId": "\#(DocsWorld.contosoContentID)", "learningProviderId": "\#(DocsWorld.contosoProviderID)", "status": "inProgress"}
        """#
        let r = h.send("POST", Paths.contosoActivities, json: body)
        #expect(r.status == 201, "\(r.errorMessage ?? "")")
    }
}

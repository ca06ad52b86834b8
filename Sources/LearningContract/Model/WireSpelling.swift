/// Which spelling of a property whose name the docs disagree on (`externalCourseActivityId` vs
/// `externalcourseActivityId`, ambiguity `externalCourseActivityIdSpelling`) the emulator writes in responses.
///
/// `csdl` (the default) is the metadata's spelling: learn.microsoft.com/graph/api/resources/learningcourseactivity
/// links the type's `$metadata` (CSDL `Property Name="externalcourseActivityId"`), the service's machine-readable
/// contract, from which every official SDK is generated (Kiota: msgraph-sdk-python reads `externalcourseActivityId`),
/// so a typed client can read it. `docs` is the spelling of the property tables and response examples
/// (learn.microsoft.com/graph/api/resources/learningcourseactivity?view=graph-rest-1.0, "Properties" table, row
/// externalCourseActivityId). Both spellings are always accepted on input (see `ContractConfiguration.strictness(for:)`).
public enum WireSpelling: String, Codable, Sendable, CaseIterable {
    case csdl
    case docs
}

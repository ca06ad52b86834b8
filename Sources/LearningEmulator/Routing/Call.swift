import LearningContract

/// One API call after routing, authentication and body parsing.
struct Call {
    var claims: TestToken.Claims
    var operation: Operation
    var options: QueryOptions
    var body: JSONValue
    var context: RequestContext
}

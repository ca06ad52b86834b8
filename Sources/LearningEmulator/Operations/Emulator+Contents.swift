import LearningContract
import LearningHTTP

/// The learningContent reads and deletes (their pages: learningprovider-list-learningcontents, learningcontent-get,
/// learningprovider-delete-learningcontents). The upsert lives with the provider operations.
extension Emulator {
    /// The content a key addresses under a provider: by id (it must belong to that provider) or by `externalId`
    /// (the oldest of that provider's contents with it). Ids and external ids are compared byte for byte.
    static func content(_ key: ContentKey, providerID: String, in state: TenantState) -> StoredContent? {
        switch key {
        case .id(let id):
            guard let content = state.contents[id], ExactKey.same(content.providerID, providerID) else { return nil }
            return content
        case .externalID(let external):
            return state.contents.values
                .filter { ExactKey.same($0.providerID, providerID) && $0.externalID.map { ExactKey.same($0, external) } == true }
                .min { $0.sequence < $1.sequence }
        }
    }

    func contentsContext(_ providerID: String, _ context: RequestContext) -> String {
        context.base + "/$metadata#employeeExperience/learningProviders('" + Self.keyLiteral(providerID) + "')/learningContents"
    }

    /// `GET …/learningProviders/{id}/learningContents`: the provider's contents in creation order, paged like the
    /// activity list. An unregistered provider is 400 `registrationIdInvalid`, as for the upsert (assumed: the page
    /// prints no error table). `countOnly`: `…/learningContents/$count`.
    func listContents(providerID: String, _ call: Call, countOnly: Bool = false) -> HTTPResponse {
        if let failure = permissionFailure(call) { return failure }
        let store = tenants.existing(call.claims.tenantID)
        if let failure = providerFailure(providerID, store, call, requireSync: false) { return failure }
        let contents = store?.read { state in
            state.contents.values.filter { ExactKey.same($0.providerID, providerID) }.sorted { $0.sequence < $1.sequence }
        } ?? []
        if countOnly { return countResponse(contents.count, call.context) }
        return collectionResponse(contents.map(\.object), contextURL: contentsContext(providerID, call.context),
                                  path: "/employeeExperience/learningProviders/" + Self.pathSegment(providerID) + "/learningContents",
                                  options: call.options, call.context)
    }

    /// `GET …/learningContents/{id}` or `(externalId='…')` (learningcontent-get): 200 with the content; an unknown
    /// one is 404 `itemNotFound` (assumed).
    func getContent(providerID: String, _ key: ContentKey, _ call: Call) -> HTTPResponse {
        if let failure = permissionFailure(call) { return failure }
        let store = tenants.existing(call.claims.tenantID)
        if let failure = providerFailure(providerID, store, call, requireSync: false) { return failure }
        guard let content = store?.read({ Self.content(key, providerID: providerID, in: $0) }) else {
            return error(.itemNotFound, call.context)
        }
        var contextURL = contentsContext(providerID, call.context)
        if let select = call.options.select { contextURL += "(" + select.joined(separator: ",") + ")" }
        return entityResponse(200, contextURL: contextURL + "/$entity", Self.selecting(content.object, call.options.select), call.context)
    }

    /// `DELETE …/learningContents/{id}/$ref` or `(externalId='…')/$ref` (learningprovider-delete-learningcontents),
    /// or the entity path itself: 204; an unknown content is 404 `itemNotFound` (assumed). Activities that name the
    /// content keep their `learningContentId` (choice: the page says nothing of them; a later create or update naming
    /// it answers 403 `providerContentMismatch`).
    func deleteContent(providerID: String, _ key: ContentKey, _ call: Call) -> HTTPResponse {
        if let failure = permissionFailure(call) { return failure }
        let store = tenants.existing(call.claims.tenantID)
        if let failure = providerFailure(providerID, store, call, requireSync: false) { return failure }
        let removed = store?.write { state -> Bool in
            guard let content = Self.content(key, providerID: providerID, in: state) else { return false }
            state.contents[content.id] = nil
            return true
        } ?? false
        return removed ? response(204, call.context) : error(.itemNotFound, call.context)
    }
}

import Foundation
import LearningContract
import LearningHTTP

extension Emulator {
    // MARK: learningProvider (learn.microsoft.com/graph/api/resources/learningprovider?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0)

    /// `POST /employeeExperience/learningProviders` (RES-LP-v1 lists Create; no page documents it): 201 with the
    /// provider. A given `id` is kept (and replaces a provider with that id); otherwise a GUID is generated.
    func createProvider(_ call: Call) -> HTTPResponse {
        if let failure = permissionFailure(call) { return failure }
        if let failure = fieldFailure(call) { return failure }
        guard case .object(var properties) = call.body else { return error(.malformedBody, call.context) }
        let id = properties["id"]?.stringValue ?? ids.guid()
        properties["id"] = nil
        properties["@odata.type"] = nil
        let store = tenants.store(call.claims.tenantID)
        let provider = store.write { state in
            let provider = StoredProvider(id: id, sequence: state.providers[id]?.sequence ?? state.sequence(), properties: properties)
            state.providers[id] = provider
            return provider
        }
        return entityResponse(201, contextURL: call.context.base + "/$metadata#employeeExperience/learningProviders/$entity",
                              provider.object, call.context)
    }

    /// `PATCH /employeeExperience/learningProviders/{id}` (LP-UPDATE-v1): only the given properties change; 204.
    /// An unknown provider is 404 `itemNotFound` (assumed; before field validation, as for activities).
    func updateProvider(_ id: String, _ call: Call) -> HTTPResponse {
        if let failure = permissionFailure(call) { return failure }
        guard let store = tenants.existing(call.claims.tenantID), store.read({ $0.providers[id] }) != nil else {
            return error(.itemNotFound, call.context)
        }
        if let failure = fieldFailure(call) { return failure }
        guard case .object(let changes) = call.body else { return error(.malformedBody, call.context) }
        let updated = store.write { state -> Bool in
            guard var provider = state.providers[id] else { return false }
            for member in changes.members where member.key != "id" && member.key != "@odata.type" {
                provider.properties[member.key] = member.value
            }
            state.providers[id] = provider
            return true
        }
        return updated ? response(204, call.context) : error(.itemNotFound, call.context)
    }

    /// `GET /employeeExperience/learningProviders` (employeeexperience-list-learningproviders): the tenant's providers
    /// in registration order, paged like the activity list. `countOnly`: `/learningProviders/$count`.
    func listProviders(_ call: Call, countOnly: Bool = false) -> HTTPResponse {
        if let failure = permissionFailure(call) { return failure }
        let providers = tenants.existing(call.claims.tenantID)?.read { state in
            state.providers.values.sorted { $0.sequence < $1.sequence }
        } ?? []
        if countOnly { return countResponse(providers.count, call.context) }
        return collectionResponse(providers.map(\.object), contextURL: call.context.base + "/$metadata#employeeExperience/learningProviders",
                                  path: "/employeeExperience/learningProviders", options: call.options, call.context)
    }

    /// `GET /employeeExperience/learningProviders/{id}` (learningprovider-get): 200 with the provider; an unknown
    /// provider is 404 `itemNotFound` (assumed: the page prints no error table; as for update).
    func getProvider(_ id: String, _ call: Call) -> HTTPResponse {
        if let failure = permissionFailure(call) { return failure }
        guard let provider = tenants.existing(call.claims.tenantID)?.read({ $0.providers[id] }) else {
            return error(.itemNotFound, call.context)
        }
        var contextURL = call.context.base + "/$metadata#employeeExperience/learningProviders"
        if let select = call.options.select { contextURL += "(" + select.joined(separator: ",") + ")" }
        return entityResponse(200, contextURL: contextURL + "/$entity", Self.selecting(provider.object, call.options.select), call.context)
    }

    /// `DELETE /employeeExperience/learningProviders/{id}/$ref` (employeeexperience-delete-learningproviders), or the
    /// entity path itself: 204. The page says the registration is removed; that the provider's contents and course
    /// activities go with it is a choice (they are contained in it, CSDL `ContainsTarget`, so nothing can address
    /// them afterwards). An unknown provider is 404 `itemNotFound` (assumed).
    func deleteProvider(_ id: String, _ call: Call) -> HTTPResponse {
        if let failure = permissionFailure(call) { return failure }
        let removed = tenants.existing(call.claims.tenantID)?.write { state -> Bool in
            guard state.providers[id] != nil else { return false }
            state.providers[id] = nil
            for content in state.contents.values where ExactKey.same(content.providerID, id) {
                state.contents[content.id] = nil
            }
            for activity in state.activities.values where ExactKey.same(activity.providerID, id) {
                state.removeActivity(id: activity.id)
            }
            return true
        } ?? false
        return removed ? response(204, call.context) : error(.itemNotFound, call.context)
    }

    // MARK: learningContent (learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0)

    /// `PATCH …/learningProviders/{id}/learningContents/{id}` or `(externalId='…')` (LC-UPDATE-v1): creates or
    /// replaces the content's metadata; 202 with the entity. A content id owned by another provider is
    /// 403 `providerContentMismatch` (assumed).
    func upsertContent(providerID: String, _ key: ContentKey, _ call: Call) -> HTTPResponse {
        if let failure = permissionFailure(call) { return failure }
        let store = tenants.existing(call.claims.tenantID)
        if let failure = providerFailure(providerID, store, call, requireSync: false) { return failure }
        if let failure = fieldFailure(call) { return failure }
        guard let store, case .object(var properties) = call.body else { return error(.malformedBody, call.context) }
        properties["id"] = nil
        properties["@odata.type"] = nil
        properties["providerId"] = nil
        let freshID = ids.guid()
        let content: StoredContent? = store.write { state in
            let id: String
            switch key {
            case .id(let given):
                if let existing = state.contents[given], !ExactKey.same(existing.providerID, providerID) { return nil }
                id = given
            case .externalID(let external):
                properties["externalId"] = .string(external)
                id = Self.content(key, providerID: providerID, in: state)?.id ?? freshID
            }
            let content = StoredContent(id: id, providerID: providerID, sequence: state.contents[id]?.sequence ?? state.sequence(),
                                        properties: properties)
            state.contents[id] = content
            return content
        }
        guard let content else { return error(.providerContentMismatch, call.context) }
        let contextURL = call.context.base + "/$metadata#employeeExperience/learningProviders('" + Self.keyLiteral(providerID)
            + "')/learningContents/$entity"
        return entityResponse(202, contextURL: contextURL, content.object, call.context)
    }
}

import Foundation
import LearningContract
import LearningHTTP

extension Emulator {
    /// The 403 scope check: the contract's permission table (`OperationPermission`).
    func permissionFailure(_ call: Call) -> HTTPResponse? {
        permissions[call.operation]?.allows(call.claims) == true ? nil : error(.permissionScopeMissing, call.context)
    }

    /// 400 `registrationIdInvalid` (spec R8), then 400 `providerNotEnabled` when sync is off (spec R7).
    func providerFailure(_ providerID: String, _ store: TenantStore?, _ call: Call, requireSync: Bool = true) -> HTTPResponse? {
        guard let provider = store?.read({ $0.providers[providerID] }) else {
            return error(.registrationIdInvalid, call.context)
        }
        if requireSync && !provider.isSyncEnabled { return error(.providerNotEnabled, call.context) }
        return nil
    }

    /// The contract's report on the body `call.body` holds, made from its bytes without reading them again: the
    /// single pass settles a valid body, the compiled reporting path reports the others.
    func bodyReport(_ call: Call) -> ValidationReport {
        contract.validate(call.context.request.body, parsed: call.body, operation: call.operation,
                          apiVersion: call.context.version, using: fastValidator)
    }

    /// The contract's field verdict (400 with the contract's error body), or `nil` when the body is valid.
    func fieldFailure(_ call: Call, report: ValidationReport? = nil) -> HTTPResponse? {
        let report = report ?? bodyReport(call)
        if let graphError = report.graphError { return error(graphError, call.context) }
        if !report.isValid { return error(.malformedBody, call.context) }
        return nil
    }

    // MARK: Create (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0)

    func createActivity(providerID: String, _ call: Call) -> HTTPResponse {
        if let failure = permissionFailure(call) { return failure }
        let store = tenants.existing(call.claims.tenantID)
        if let failure = providerFailure(providerID, store, call) { return failure }
        let report = bodyReport(call)
        if let failure = fieldFailure(call, report: report) { return failure }
        // The subtype the contract judged the body as.
        guard let store, case .object(let object) = call.body, let type = report.odataType.flatMap(ActivityType.init(rawValue:)) else {
            return error(.fieldInvalid, slots: ["fieldName": "@odata.type"], call.context)
        }
        let learnerID = object["learnerUserId"]?.stringValue ?? ""
        let contentID = object["learningContentId"]?.stringValue ?? ""
        let bodyProviderID = object["learningProviderId"]?.stringValue
        // learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, example 1 response (id); learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, example 1: created ids are `{learnerUserId}:{GUID}`.
        let id = learnerID + ":" + ids.guid()
        var activity = StoredActivity(id: id, type: type, sequence: 0, from: object)
        // learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, example 2 response (learningProviderId filled from the path): learningProviderId is filled from the path.
        activity["learningProviderId"] = .string(providerID)
        // A lenient string dueDateTime or notes is stored in the metadata's shape.
        for name in ["dueDateTime", "notes"] {
            if let value = activity[name] { activity[name] = DocumentedShape.normalized(name, value) }
        }

        let uniqueExternalIDs = configuration.contract.strictness(for: .externalIdUniqueness) == .strict
        let externalID = activity.externalID

        enum Outcome { case created(StoredActivity), duplicateExternalID, mismatch, unlicensed }
        let outcome: Outcome = store.write { state in
            // Ambiguity `externalIdUniqueness`: strict makes the alternate key unique per provider (a field error).
            if uniqueExternalIDs, let externalID,
               state.activity(.externalID(externalID), providerID: providerID, learnerID: nil) != nil {
                return .duplicateExternalID
            }
            // Spec R9: the content must exist and belong to the path's provider (and to the body's, if given).
            guard let content = state.contents[contentID], ExactKey.same(content.providerID, providerID),
                  bodyProviderID == nil || ExactKey.same(bodyProviderID, providerID) else { return .mismatch }
            // Spec R10: the learner needs a premium license.
            guard state.licenses[learnerID] == true else { return .unlicensed }
            activity.sequence = state.sequence()
            state.insert(activity)
            return .created(activity)
        }
        switch outcome {
        case .duplicateExternalID: return error(.fieldInvalid, slots: ["fieldName": "externalCourseActivityId"], call.context)
        case .mismatch: return error(.providerContentMismatch, call.context)
        case .unlicensed: return error(.userLicenseInvalid, call.context)
        case .created(let created): return activityResponse(201, created, select: nil, call.context)
        }
    }

    // MARK: Get (learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0)

    func getActivity(_ key: ActivityKey, providerID: String?, user: UserReference?, _ call: Call) -> HTTPResponse {
        if let failure = permissionFailure(call) { return failure }
        let store = tenants.existing(call.claims.tenantID)
        var learnerID: String?
        switch user {
        case .me?:
            // `/me` needs a signed-in user: with an application token the segment does not resolve (decision).
            guard call.claims.isDelegated else { return error(.resourceNotFoundForSegment, slots: ["segment": "me"], call.context) }
            learnerID = call.claims.objectID
        case .id(let id)?: learnerID = id
        case nil: break
        }
        if let providerID, let failure = providerFailure(providerID, store, call) { return failure }
        guard let activity = store?.read({ $0.activity(key, providerID: providerID, learnerID: learnerID) }) else {
            return error(.activityNotFound, call.context)
        }
        return activityResponse(200, activity, select: call.options.select, call.context)
    }

    // MARK: List (learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0)

    /// `countOnly`: `…/learningCourseActivities/$count`, the number as `text/plain` (OData 4.01 URL conventions §4.8),
    /// with the list's permissions.
    func listActivities(_ user: UserReference, _ call: Call, countOnly: Bool = false) -> HTTPResponse {
        if let failure = permissionFailure(call) { return failure }
        let learnerID: String
        let pathUser: String
        switch user {
        case .me:
            guard call.claims.isDelegated else { return error(.resourceNotFoundForSegment, slots: ["segment": "me"], call.context) }
            learnerID = call.claims.objectID
            pathUser = "me"
        case .id(let id):
            learnerID = id
            pathUser = "users/" + (id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? id)
        }
        if countOnly {
            let total = tenants.existing(call.claims.tenantID)?.read { $0.activitiesByLearner[learnerID]?.count ?? 0 }
            return countResponse(total ?? 0, call.context)
        }
        let options = call.options
        let wanted = options.top ?? Int.max
        let pageSize = max(1, configuration.pageSize)
        // Only the page is copied out under the lock, however many activities the learner has.
        let (total, page, start): (Int, [StoredActivity], Int) = tenants.existing(call.claims.tenantID)?.read { state in
            let ids = state.activitiesByLearner[learnerID] ?? []
            let start = min(options.skip ?? 0, ids.count)
            let end = start + min(ids.count - start, wanted, pageSize)  // no sum that can overflow
            return (ids.count, ids[start..<end].compactMap { state.activities[$0] }, start)
        } ?? (0, [], 0)
        let end = start + page.count

        let context = call.context
        var writer = JSONWriter(capacity: 512 + page.count * 900)
        writer.raw("{\"@odata.context\":")
        var collectionContext = context.base + "/$metadata#users('" + Self.keyLiteral(learnerID) + "')/employeeExperience/learningCourseActivities"
        if let select = options.select { collectionContext += "(" + select.joined(separator: ",") + ")" }
        writer.string(collectionContext)
        if options.count {
            writer.raw(",\"@odata.count\":")
            writer.rawText(String(total))
        }
        // Server-driven paging with `$skip` (learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0; learn.microsoft.com/graph/query-parameters, OData system query options): a real URL, not the docs' `$metadata#` form.
        let remainingWanted = options.top.map { $0 - page.count }
        if end < total, remainingWanted ?? 1 > 0 {
            writer.raw(",\"@odata.nextLink\":")
            writer.string(context.base + "/" + pathUser + "/employeeExperience/learningCourseActivities?"
                          + options.queryString(skip: end, top: remainingWanted))
        }
        writer.raw(",\"value\":[")
        for (index, activity) in page.enumerated() {
            if index > 0 { writer.raw(UInt8(ascii: ",")) }
            writeActivity(activity, select: options.select, context, into: &writer)
        }
        writer.raw("]}")
        return response(200, body: writer.bytes, context, preferenceApplied: true)
    }

    // MARK: Update (learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0)

    func updateActivity(_ key: ActivityKey, providerID pathProviderID: String?, _ call: Call) -> HTTPResponse {
        if let failure = permissionFailure(call) { return failure }
        let store = tenants.existing(call.claims.tenantID)
        if let pathProviderID, let failure = providerFailure(pathProviderID, store, call) { return failure }
        // 404 comes before field validation (lead decision).
        guard let store, let current = store.read({ $0.activity(key, providerID: pathProviderID, learnerID: nil) }) else {
            return error(.activityNotFoundOnUpdate, call.context)
        }
        let providerID = pathProviderID ?? current.providerID
        if pathProviderID == nil, let failure = providerFailure(providerID, store, call) { return failure }
        guard case .object(let object) = call.body else { return fieldFailure(call) ?? error(.malformedBody, call.context) }
        // The body's @odata.type must name the stored type (lead decision).
        if let type = object["@odata.type"], type.stringValue != current.type.rawValue {
            return error(.fieldInvalid, slots: ["fieldName": "@odata.type"], call.context)
        }
        if let failure = fieldFailure(call) { return failure }
        let contentID = object["learningContentId"]?.stringValue
        let updatable = contract.updatableFields(odataType: current.type.rawValue)

        enum Outcome { case updated, notFound, mismatch, unlicensed }
        let outcome: Outcome = store.write { state in
            guard var activity = state.activities[current.id] else { return .notFound }
            let before = activity
            // Spec R9 on update: a body that names another content than the stored one must name a content of
            // the path's provider. Other non-updatable fields (learningProviderId…) are ignored (ambiguity #26), so
            // update example 2 replays as written (ambiguity `updateExample2Target`).
            if let contentID, !ExactKey.same(contentID, activity.contentID),
               !ExactKey.same(state.contents[contentID]?.providerID, providerID) {
                return .mismatch
            }
            // Spec R10.
            guard state.licenses[activity.learnerID] == true else { return .unlicensed }
            // Only updatable fields change; others are accepted and ignored (ambiguity #26, lenient).
            for name in updatable {
                if let value = object[name] {
                    let canonical = ActivityType.canonicalName(name)
                    activity[canonical] = DocumentedShape.normalized(canonical, value)
                }
            }
            if !ExactKey.same(activity.learnerID, before.learnerID) || !ExactKey.same(activity.externalID, before.externalID) {
                state.insert(activity)  // keeps the learner and external-id indexes right
            } else {
                state.activities[current.id] = activity
            }
            return .updated
        }
        switch outcome {
        case .updated: return response(204, call.context)
        case .notFound: return error(.activityNotFoundOnUpdate, call.context)
        case .mismatch: return error(.providerContentMismatch, call.context)
        case .unlicensed: return error(.userLicenseInvalidOnUpdate, call.context)
        }
    }

    // MARK: Delete (learn.microsoft.com/graph/api/learningcourseactivity-delete?view=graph-rest-1.0)

    func deleteActivity(_ key: ActivityKey, providerID: String, _ call: Call) -> HTTPResponse {
        if let failure = permissionFailure(call) { return failure }
        let store = tenants.existing(call.claims.tenantID)
        if let failure = providerFailure(providerID, store, call) { return failure }
        let removed = store?.write { state -> Bool in
            guard let activity = state.activity(key, providerID: providerID, learnerID: nil) else { return false }
            state.removeActivity(id: activity.id)
            return true
        } ?? false
        return removed ? response(204, call.context) : error(.activityNotFound, call.context)
    }
}

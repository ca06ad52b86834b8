import LearningContract

/// A credential a step can use, defined once in `Conformance/roles.json` and named by steps.
public struct RoleDefinition: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Application token: `roles` claim (Permissions tables, row Application, e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0).
        case application
        /// Delegated token: `scp` claim, signed-in user `objectId` (Permissions tables, row Delegated (work or school account), e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0).
        case delegated
        /// No Authorization header at all.
        case none
        /// A fixed Authorization value (a deliberately malformed token; never a secret).
        case literal
    }

    public var name: String
    public var kind: Kind
    /// App roles or delegated scopes.
    public var permissions: [String]
    /// The user (delegated) or service principal (application) object id; assumed for applications.
    public var objectID: String?
    /// For `literal`: the whole Authorization header value.
    public var authorization: String?
    public var description: String?

    public init(name: String, kind: Kind, permissions: [String] = [], objectID: String? = nil, authorization: String? = nil, description: String? = nil) {
        self.name = name; self.kind = kind; self.permissions = permissions; self.objectID = objectID
        self.authorization = authorization; self.description = description
    }

    /// The environment variable holding this role's credential on targets that do not take test
    /// tokens: `LEARNING_CONTRACT_TOKEN_` + the name in upper snake case (`providerAdmin` -> `PROVIDER_ADMIN`).
    public var environmentVariable: String {
        var snake = ""
        for character in name {
            if character.isUppercase, !snake.isEmpty { snake += "_" }
            snake += character.uppercased()
        }
        return "LEARNING_CONTRACT_TOKEN_" + snake
    }
}

/// The roles of `Conformance/roles.json`.
public struct RoleCatalog: Sendable, Hashable {
    public var roles: [RoleDefinition]

    public init(roles: [RoleDefinition]) { self.roles = roles }

    public subscript(name: String) -> RoleDefinition? { roles.first { $0.name == name } }

    /// Reads `{"roles": {"app": {"kind": "application", "permissions": [...]}, ...}}`.
    public init(document: JSONValue, file: String) throws(FixtureError) {
        let reader = FixtureReader(file: file)
        let root = try reader.object(document, at: .root)
        let rolesObject = try reader.object(root["roles"], at: "/roles")
        var roles: [RoleDefinition] = []
        for member in rolesObject {
            let pointer = JSONPointer(["roles", member.key])
            let object = try reader.object(member.value, at: pointer)
            try reader.allowOnly(["kind", "permissions", "objectId", "authorization", "description", "source"], in: object, at: pointer)
            let kindText = try reader.string(object["kind"], at: pointer.appending("kind"))
            guard let kind = RoleDefinition.Kind(rawValue: kindText) else {
                throw FixtureError(file: file, pointer: pointer.appending("kind"), message: "kind must be application, delegated, none or literal")
            }
            roles.append(RoleDefinition(
                name: member.key, kind: kind,
                permissions: try reader.stringArray(object["permissions"], at: pointer.appending("permissions")),
                objectID: try reader.optionalString(object["objectId"], at: pointer.appending("objectId")),
                authorization: try reader.optionalString(object["authorization"], at: pointer.appending("authorization")),
                description: try reader.optionalString(object["description"], at: pointer.appending("description"))
            ))
        }
        self.init(roles: roles)
    }
}

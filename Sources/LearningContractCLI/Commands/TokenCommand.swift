import Foundation
import LearningContract
import LearningEmulator

/// `learning-contract token`: prints an unsecured test JWT (RFC 7519 section 6) for the emulator.
public enum TokenCommand: CLICommand {
    public static let spec = CommandSpec(
        name: "token",
        abstract: "Print a test token (an unsecured JWT) for the emulator.",
        discussion: """
            Prints base64url({"alg":"none","typ":"JWT"}).base64url(claims). with the Entra ID claims Graph reads: \
            tid (tenant), oid (user), and scp (delegated, space-separated) or roles (application). For testing \
            only: the emulator accepts these tokens; Microsoft Graph never does.

            Without --roles or --scopes, an application token carries every application role the API \
            documents and a delegated token every delegated scope (the Permissions table of each operation page). A delegated token's user \
            defaults to the docs learner \(DocsWorld.learnerID); the default tenant is the docs world's, \
            \(TestToken.defaultTenantID).
            """,
        options: [
            .flag("app", help: "An application token (roles). Implied by --roles."),
            .flag("delegated", help: "A delegated token (scp), the default. Implied by --scopes."),
            .value("tenant", valueName: "ID", help: "Tenant id (tid).", default: TestToken.defaultTenantID),
            .value("user", valueName: "ID", help: "User or application object id (oid)."),
            .repeated("roles", valueName: "R,…", help: "Application roles.", commaSeparated: true),
            .repeated("scopes", valueName: "S,…", help: "Delegated scopes.", commaSeparated: true),
            .value("expires-in", valueName: "SECONDS", help: "Lifetime of the token.", default: "86400"),
        ],
        exclusiveGroups: [["app", "delegated"], ["roles", "scopes"]],
        examples: [
            .init("token", "A delegated token of the docs learner with every delegated scope."),
            .init("token --app", "An application token with every application role."),
            .init("token --app --roles LearningAssignedCourse.Read.All", "An application token with one role."),
            .init("token --tenant 11111111-2222-4333-8444-555555555555 --user u1 --scopes LearningAssignedCourse.Read.All",
                  "A delegated token of another tenant's user."),
        ]
    )

    public static func run(_ arguments: ParsedArguments, context: CLIContext) async -> ExitCode {
        let isApplication = arguments.flag("app") || arguments.isPresent("roles")
        if isApplication && arguments.isPresent("scopes") || arguments.flag("delegated") && arguments.isPresent("roles") {
            return CLI.report(UsageError("an application token has --roles, a delegated token --scopes", commandName: spec.name), context: context)
        }
        let lifetime: Int
        do {
            lifetime = try arguments.int("expires-in", in: 1...(10 * 365 * 86_400)) ?? 86_400
        } catch {
            return CLI.report(error, context: context)
        }
        let tenant = arguments.value("tenant") ?? TestToken.defaultTenantID
        let kind: TestToken.Claims.Kind
        let defaultUser: String
        if isApplication {
            let roles = arguments.values("roles")
            kind = .application(roles: roles.isEmpty ? OperationPermission.allApplicationRoles : roles)
            defaultUser = DocsWorld.providerAppObjectID
        } else {
            let scopes = arguments.values("scopes")
            kind = .delegated(scopes: scopes.isEmpty ? OperationPermission.allDelegatedScopes : scopes)
            defaultUser = DocsWorld.learnerID
        }
        let user = arguments.value("user") ?? defaultUser
        guard !tenant.isEmpty, !user.isEmpty else {
            return CLI.report(UsageError("--tenant and --user must not be empty", commandName: spec.name), context: context)
        }
        let now = Int(Date().timeIntervalSince1970)
        let claims = TestToken.Claims(tenantID: tenant, objectID: user, kind: kind, issuedAt: now, expiresAt: now + lifetime)
        context.print(TestToken.mint(claims))
        return .success
    }
}

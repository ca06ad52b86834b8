import Foundation
import LearningContract

/// The tenant static credentials belong to: the `tid` claim of a JWT credential, read without verifying it
/// (the target verifies; the runner only needs to name the tenant to a state endpoint). Opaque tokens give none.
enum CredentialTenant {
    static func tenantID(of credentials: [String: String], preferring roles: [String] = ["app"]) -> String? {
        let ordered = roles.compactMap { credentials[$0] } + credentials.keys.sorted().compactMap { credentials[$0] }
        for credential in ordered {
            if let tid = tenantID(ofToken: credential) { return tid }
        }
        return nil
    }

    static func tenantID(ofToken credential: String) -> String? {
        var token = Substring(credential.trimmingCharacters(in: .whitespaces))
        if token.lowercased().hasPrefix("bearer ") { token = token.dropFirst(7) }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].count <= 16_384 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let claims = try? JSONReader().read(data).root,
              let tid = claims["tid"]?.stringValue, !tid.isEmpty, tid.count <= 64,
              tid.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return nil }
        return tid
    }
}

/// Whether requests carry an identity the functions enforce (api.md, Auth): `AUTH_MODE`.
public enum AuthMode: String, Sendable, Equatable, CaseIterable, EnvironmentChoice {
    /// Ownership from the API Gateway JWT authorizer's claims. The default.
    case jwt
    /// No checks: local development only.
    case none

    static let variable = "AUTH_MODE"
    static let unset = AuthMode.jwt
}

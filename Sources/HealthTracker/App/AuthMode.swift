/// Whether requests carry an identity the functions enforce (api.md, Auth).
public enum AuthMode: String, Sendable, Equatable {
    /// Ownership from the API Gateway JWT authorizer's claims. The default.
    case jwt
    /// No checks: local development only.
    case none

    /// `AUTH_MODE`, `jwt` when unset. Anything else is a configuration error, so a typo
    /// can never turn auth off.
    public init(environment: [String: String]) throws(FunctionError) {
        guard let text = environment["AUTH_MODE"], !text.isEmpty else {
            self = .jwt
            return
        }
        guard let mode = AuthMode(rawValue: text.lowercased()) else {
            throw FunctionError(code: .invalidConfiguration, message: "AUTH_MODE must be jwt or none, not \(text)")
        }
        self = mode
    }
}

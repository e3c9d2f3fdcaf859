public import FoundationEssentials
public import LambdaHTTP

/// Who is asking, as far as ownership goes.
///
/// With `AUTH_MODE=jwt` the identity is the JWT authorizer's `sub` claim (the caller's own
/// `user_uuid`) and the `health-tracker/admin` scope; an ID in the path or body never
/// overrides it.
public struct Caller: Sendable, Equatable {
    public static let adminScope = "health-tracker/admin"

    public enum Identity: Sendable, Equatable {
        /// `AUTH_MODE=none`: every request may act on every user.
        case unrestricted
        /// A verified token. `subject` is `sub`; it is a user's UUID unless the token
        /// belongs to a machine client (an admin's client-credentials token).
        case token(subject: String, isAdmin: Bool)
    }

    public let identity: Identity
    /// The token's `email` when its `email_verified` claim is true: the only address a
    /// non-admin caller may give their user (nil when the token does not vouch for one).
    public let verifiedEmail: String?

    public init(identity: Identity, verifiedEmail: String? = nil) {
        self.identity = identity
        self.verifiedEmail = verifiedEmail
    }

    /// The caller of a request. With auth on, a request with no `sub` claim is 401.
    public init(request: HTTPRequest, mode: AuthMode) throws(Problem) {
        switch mode {
        case .none:
            identity = .unrestricted
            verifiedEmail = nil
        case .jwt:
            guard let subject = request.context.claims["sub"], !subject.isEmpty else {
                throw Problem(.unauthorized, detail: "The request carries no verified identity")
            }
            // HTTP API passes the token's scopes both as the `scope` claim (space separated)
            // and, for access tokens, as `scopes`.
            let scopes = Set((request.context.claims["scope"] ?? "").split(separator: " ").map(String.init))
                .union(request.context.scopes)
            identity = .token(subject: subject, isAdmin: scopes.contains(Caller.adminScope))
            // Claims arrive as text: a JSON `true` and Cognito's string "true" both read "true".
            let email = request.context.claims["email"]
            verifiedEmail = request.context.claims["email_verified"] == "true" && email?.isEmpty == false ? email : nil
        }
    }

    /// May act on any user.
    public var isAdmin: Bool {
        switch identity {
        case .unrestricted: true
        case .token(_, let isAdmin): isAdmin
        }
    }

    /// The caller's own user UUID, when the token names one.
    public var userUUID: UUID? {
        switch identity {
        case .unrestricted: nil
        case .token(let subject, _): UUID(uuidString: subject)
        }
    }

    /// Whether auth is enforced at all.
    public var isUnrestricted: Bool { identity == .unrestricted }

    /// 403 unless the caller is that user or an admin.
    public func authorize(_ user: UUID) throws(Problem) {
        guard isAdmin || userUUID == user else {
            throw Problem(.forbidden, detail: "The caller may act only on their own records")
        }
    }

    /// 403 unless the caller can own records at all (an admin, auth off, or a token whose
    /// `sub` is a user UUID). Checked before a POST body is read, so a token that can never
    /// be allowed costs no parsing.
    public func authorizeOwnership() throws(Problem) {
        guard isAdmin || userUUID != nil else {
            throw Problem(.forbidden, detail: "The token's sub is not a user UUID; only an admin may act on other users")
        }
    }

    /// 403 unless the caller is an admin.
    public func authorizeAdmin() throws(Problem) {
        guard isAdmin else {
            throw Problem(.forbidden, detail: "Only an admin may do this")
        }
    }
}

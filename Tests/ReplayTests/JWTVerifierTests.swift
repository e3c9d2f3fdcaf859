import LambdaHTTP
import Postgres
import ReplayKit
import TestTags
import Testing

@Suite(.tags(.pure)) struct JWTVerifierTests {
    let verifier = JWTVerifier(secret: "local-secret")
    let now: Int64 = 1_800_000_000

    @Test func signedTokenGivesItsClaims() throws {
        let token = verifier.sign(claims: [("sub", .string("u-1")), ("exp", .number(1_800_000_100))])
        let claims = try verifier.claims(authorization: "Bearer \(token)", nowSeconds: now)
        #expect(claims.first { $0.0 == "sub" }?.1 == .string("u-1"))
    }

    /// A token from jwt.io's HS256 example, signed elsewhere with this secret.
    @Test func acceptsATokenSignedByAnotherImplementation() throws {
        let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
        let claims = try JWTVerifier(secret: "your-256-bit-secret").claims(authorization: "Bearer \(token)", nowSeconds: now)
        #expect(claims.first { $0.0 == "name" }?.1 == .string("John Doe"))
    }

    @Test func rejectsAnotherSecret() {
        let token = JWTVerifier(secret: "other").sign(claims: [("sub", .string("u-1"))])
        #expect(throws: JWTVerifier.Rejection.badSignature) { try verifier.claims(authorization: "Bearer \(token)", nowSeconds: now) }
    }

    @Test func rejectsAlgNone() {
        // {"alg":"none"} . {"sub":"u-1"} . (empty signature)
        let token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1LTEifQ."
        #expect(throws: JWTVerifier.Rejection.unsupportedAlgorithm) { try verifier.claims(authorization: "Bearer \(token)", nowSeconds: now) }
    }

    @Test func rejectsExpiredAndNotYetValid() {
        let expired = verifier.sign(claims: [("sub", .string("u")), ("exp", .number(1_799_999_999))])
        #expect(throws: JWTVerifier.Rejection.expired) { try verifier.claims(authorization: "Bearer \(expired)", nowSeconds: now) }
        let early = verifier.sign(claims: [("sub", .string("u")), ("nbf", .number(1_800_000_500))])
        #expect(throws: JWTVerifier.Rejection.notYetValid) { try verifier.claims(authorization: "Bearer \(early)", nowSeconds: now) }
    }

    @Test func rejectsMissingOrMalformed() {
        #expect(throws: JWTVerifier.Rejection.missingToken) { try verifier.claims(authorization: nil, nowSeconds: now) }
        #expect(throws: JWTVerifier.Rejection.missingToken) { try verifier.claims(authorization: "Basic abc", nowSeconds: now) }
        #expect(throws: JWTVerifier.Rejection.malformed) { try verifier.claims(authorization: "Bearer a.b", nowSeconds: now) }
    }

    /// A token with `header` as its header, signed with the verifier's secret.
    func token(header: String, claims: String) -> String {
        let head = JWTVerifier.base64URLEncode(Array(header.utf8)), body = JWTVerifier.base64URLEncode(Array(claims.utf8))
        return head + "." + body + "." + JWTVerifier.base64URLEncode(SHA256.hmac(key: Array("local-secret".utf8), message: Array((head + "." + body).utf8)))
    }

    @Test func rejectsUnknownCriticalHeaders() {
        let critical = token(header: #"{"alg":"HS256","crit":["exp"],"exp":1}"#, claims: #"{"sub":"u"}"#)
        #expect(throws: JWTVerifier.Rejection.unsupportedCritical) { try verifier.claims(authorization: "Bearer \(critical)", nowSeconds: now) }
        let plain = token(header: #"{"alg":"HS256"}"#, claims: #"{"sub":"u"}"#)
        #expect(throws: Never.self) { try verifier.claims(authorization: "Bearer \(plain)", nowSeconds: now) }
    }

    /// The last character of a 32-byte signature carries 4 unused bits: setting one decodes to
    /// the same bytes, and must not verify.
    @Test func rejectsNonCanonicalBase64URL() throws {
        let good = verifier.sign(claims: [("sub", .string("u-1"))])
        #expect(throws: Never.self) { try verifier.claims(authorization: "Bearer \(good)", nowSeconds: now) }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let last = try #require(good.last)
        let index = try #require(alphabet.firstIndex(of: last))
        let altered = String(good.dropLast()) + String(alphabet[index ^ 1])
        #expect(throws: JWTVerifier.Rejection.malformed) { try verifier.claims(authorization: "Bearer \(altered)", nowSeconds: now) }
        #expect(throws: JWTVerifier.Rejection.malformed) { try verifier.claims(authorization: "Bearer \(good)=", nowSeconds: now) }
    }

    @Test func checksIssuerAndAudienceWhenConfigured() throws {
        let strict = JWTVerifier(secret: "local-secret", issuer: "https://issuer.example", audience: "app-client")
        func claims(_ members: [(String, JSONValue)]) throws -> JSONObject {
            try strict.claims(authorization: "Bearer \(strict.sign(claims: JSONObject(members)))", nowSeconds: now)
        }
        let iss = ("iss", JSONValue.string("https://issuer.example"))
        #expect(throws: Never.self) { try claims([iss, ("aud", .string("app-client"))]) }
        #expect(throws: Never.self) { try claims([iss, ("aud", .array([.string("other"), .string("app-client")]))]) }
        #expect(throws: Never.self) { try claims([iss, ("client_id", .string("app-client"))]) }
        #expect(throws: JWTVerifier.Rejection.wrongIssuer) { try claims([("iss", .string("https://evil.example")), ("aud", .string("app-client"))]) }
        #expect(throws: JWTVerifier.Rejection.wrongIssuer) { try claims([("aud", .string("app-client"))]) }
        #expect(throws: JWTVerifier.Rejection.wrongAudience) { try claims([iss, ("aud", .string("other"))]) }
        #expect(throws: JWTVerifier.Rejection.wrongAudience) { try claims([iss]) }
        // Without configuration, neither is looked at.
        #expect(throws: Never.self) { try verifier.claims(authorization: "Bearer \(verifier.sign(claims: [("iss", .string("x"))]))", nowSeconds: now) }
    }
}

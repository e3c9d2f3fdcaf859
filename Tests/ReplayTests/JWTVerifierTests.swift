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
}

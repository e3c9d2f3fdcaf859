#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import APIGatewayTesting
import FoundationEssentials
public import LambdaHTTP
import Postgres

/// A local stand-in for an HTTP API JWT authorizer: verifies an HS256 bearer token with a
/// shared secret and yields its claims. Only `alg` HS256 is accepted (never `none`); a
/// header with `crit` is refused (no extension is understood here, RFC 7515 §4.1.11); each
/// part must be canonical unpadded base64url (one text per byte string, so a token cannot be
/// altered without changing its signature's text); `exp` and `nbf` are checked when present;
/// with an issuer, `iss` must equal it, and with an audience, `aud` (a string or an array) or
/// `client_id` must hold it, as API Gateway's JWT authorizer checks.
public struct JWTVerifier: Sendable {
    public enum Rejection: Error, Sendable, Equatable {
        case missingToken, malformed, unsupportedAlgorithm, unsupportedCritical, badSignature, expired, notYetValid
        case wrongIssuer, wrongAudience
    }

    private let secret: [UInt8]
    private let issuer: String?
    private let audience: String?

    public init(secret: String, issuer: String? = nil, audience: String? = nil) {
        self.secret = Array(secret.utf8)
        self.issuer = issuer
        self.audience = audience
    }

    /// The claims of the `Authorization: Bearer` token.
    public func claims(authorization: String?, nowSeconds: Int64 = HTTPAPIEventBuilder.nowMilliseconds() / 1000) throws(Rejection) -> JSONObject {
        guard let authorization, authorization.lowercased().hasPrefix("bearer ") else { throw .missingToken }
        let token = String(authorization.dropFirst(7)).filter { $0 != " " }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Self.base64URLDecode(parts[0]), let payloadBytes = Self.base64URLDecode(parts[1]),
              let signature = Self.base64URLDecode(parts[2]),
              let header = (try? JSONValue.parse(headerBytes))?.sortingMembers(), let payload = (try? JSONValue.parse(payloadBytes))?.sortingMembers(),
              let claims = payload.objectValue else { throw .malformed }
        guard header["alg"]?.stringValue == "HS256" else { throw .unsupportedAlgorithm }
        guard header["crit"] == nil else { throw .unsupportedCritical }
        let expected = SHA256.hmac(key: secret, message: Array((parts[0] + "." + parts[1]).utf8))
        // Compare every byte, so timing does not tell how much matched.
        guard signature.count == expected.count, zip(signature, expected).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw .badSignature
        }
        if let exp = payload["exp"] { guard let value = exp.integerValue, Int64(value) > nowSeconds else { throw .expired } }
        if let nbf = payload["nbf"] { guard let value = nbf.integerValue, Int64(value) <= nowSeconds else { throw .notYetValid } }
        if let issuer, payload["iss"]?.stringValue != issuer { throw .wrongIssuer }
        if let audience {
            let audiences: [String] = switch payload["aud"] {
            case .string(let one)?: [one]
            case .array(let many)?: many.compactMap(\.stringValue)
            default: []
            }
            guard audiences.contains(audience) || payload["client_id"]?.stringValue == audience else { throw .wrongAudience }
        }
        return claims
    }

    /// A signed token, for tests and for the curl examples `serve` prints.
    public func sign(claims: JSONObject) -> String {
        let header = Self.base64URLEncode(Array("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".utf8))
        let payload = Self.base64URLEncode(Array(JSONValue.object(claims).jsonText.utf8))
        let signature = SHA256.hmac(key: secret, message: Array((header + "." + payload).utf8))
        return header + "." + payload + "." + Self.base64URLEncode(signature)
    }

    /// Unpadded base64url, the one text of `bytes` a token may hold.
    public static func base64URLEncode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacing("+", with: "-").replacing("/", with: "_").replacing("=", with: "")
    }

    static func base64URLDecode(_ text: some StringProtocol) -> [UInt8]? {
        var base64 = String(text).replacing("-", with: "+").replacing("_", with: "/")
        guard !base64.contains("=") else { return nil }
        while base64.count % 4 != 0 { base64 += "=" }
        guard let bytes = Data(base64Encoded: base64).map(Array.init) else { return nil }
        // Unused low bits set in the last character decode to the same bytes: refuse them.
        guard base64URLEncode(bytes) == text else { return nil }
        return bytes
    }
}

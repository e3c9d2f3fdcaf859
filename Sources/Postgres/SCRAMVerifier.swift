/// A SCRAM-SHA-256 password verifier (RFC 5802, RFC 7677) in PostgreSQL's stored form,
/// `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`, computed here so that the
/// caller chooses the iteration count: libpq's `PQencryptPasswordConn` always uses the
/// server's default (4,096 before PostgreSQL 16). See docs/security.md for when fewer are right.
public enum SCRAMVerifier {
    /// RFC 7677's floor and PostgreSQL's default, meant for passwords people choose.
    public static let defaultIterations = 4096

    /// The verifier for `password`, or nil when the password is not printable ASCII: SASLprep
    /// (RFC 4013) leaves only those unchanged, and libpq prepares the others itself.
    public static func make(password: String, iterations: Int, salt: [UInt8]) -> String? {
        precondition(iterations >= 1 && !salt.isEmpty)
        let bytes = Array(password.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
        let salted = saltedPassword(bytes, salt: salt, iterations: iterations)
        let storedKey = SHA256.hash(SHA256.hmac(key: salted, message: Array("Client Key".utf8)))
        let serverKey = SHA256.hmac(key: salted, message: Array("Server Key".utf8))
        return "SCRAM-SHA-256$\(iterations):\(base64(salt))$\(base64(storedKey)):\(base64(serverKey))"
    }

    /// 16 random bytes, as PostgreSQL's own verifiers have.
    public static func randomSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Hi() of RFC 5802: PBKDF2-HMAC-SHA-256 with one output block.
    static func saltedPassword(_ password: [UInt8], salt: [UInt8], iterations: Int) -> [UInt8] {
        var block = SHA256.hmac(key: password, message: salt + [0, 0, 0, 1])
        var result = block
        for _ in 1..<iterations {
            block = SHA256.hmac(key: password, message: block)
            for index in result.indices { result[index] ^= block[index] }
        }
        return result
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func base64(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8) | UInt32(chunk.count > 2 ? chunk[2] : 0)
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[Int((value >> (18 - 6 * UInt32(position))) & 63)] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

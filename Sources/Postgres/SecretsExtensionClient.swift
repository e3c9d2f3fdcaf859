import CurlHTTP
import FoundationEssentials

/// Reads a secret through the AWS Parameters and Secrets Lambda Extension, which listens on
/// localhost and caches Secrets Manager for the function.
struct SecretsExtensionClient {
    let port: Int
    let token: String

    init(environment: [String: String]) throws(PostgresError) {
        guard let token = environment["AWS_SESSION_TOKEN"], !token.isEmpty else {
            throw PostgresError(code: .configuration, message: "DATABASE_SECRET_ARN is set but AWS_SESSION_TOKEN is not")
        }
        self.token = token
        // The extension's documented setting for its port.
        port = environment["PARAMETERS_SECRETS_EXTENSION_HTTP_PORT"].flatMap { Int($0) } ?? 2773
    }

    /// The extension's response: `SecretString` holds the secret's own JSON.
    private struct Response: Decodable {
        let SecretString: String?
    }

    /// - Parameter refresh: bypass the extension's cache (`refreshNow=true`), after the
    ///   cached credentials were refused: the secret has rotated.
    func databaseSecret(id: String, refresh: Bool = false) throws(PostgresError) -> DatabaseSecret {
        let url = "http://localhost:\(port)/secretsmanager/get?secretId=\(SecretsExtensionClient.percentEncoded(id))"
            + (refresh ? "&refreshNow=true" : "")
        let response: CurlHTTPResponse
        do {
            let client = try CurlHTTPClient(connectTimeoutMilliseconds: 1000)
            response = try client.perform(CurlHTTPRequest(
                method: "GET", url: url,
                headers: [("X-Aws-Parameters-Secrets-Token", token)],
                timeoutMilliseconds: 5000
            ))
        } catch {
            throw PostgresError(code: .configuration, message: "secrets extension: \(error.message)")
        }
        guard response.status == 200 else {
            // The body may echo the request; only the status is safe to report.
            throw PostgresError(code: .configuration, message: "secrets extension answered HTTP \(response.status)")
        }
        do {
            let outer = try JSONDecoder().decode(Response.self, from: Data(response.body))
            guard let inner = outer.SecretString else {
                throw PostgresError(code: .configuration, message: "the secret has no SecretString")
            }
            return try JSONDecoder().decode(DatabaseSecret.self, from: Data(inner.utf8))
        } catch let error as PostgresError {
            throw error
        } catch {
            // DecodingError text names keys, never values.
            throw PostgresError(code: .configuration, message: "the database secret is not usable: missing or bad username, password or port")
        }
    }

    /// RFC 3986 unreserved characters stay; everything else (an ARN's `:` and `/`) is encoded.
    static func percentEncoded(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

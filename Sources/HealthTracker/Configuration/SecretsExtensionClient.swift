import CurlHTTP
import Essentials
import FoundationEssentials
import LambdaHTTP
public import Postgres

/// Reads a secret through the AWS Parameters and Secrets Lambda Extension, which listens on
/// localhost and caches Secrets Manager for the function: the functions' source of
/// DATABASE_SECRET_ARN's credentials, and of the migrate function's application secret.
public struct SecretsExtensionClient: DatabaseSecretSource {
    private let environment: [String: String]

    /// - Parameter environment: the process environment; read only when a secret is asked for,
    ///   so that a function without a secret needs none of its settings.
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The extension's response: `SecretString` holds the secret's own JSON.
    private struct Response: Decodable {
        let SecretString: String?
    }

    /// - Parameter refresh: bypass the extension's cache (`refreshNow=true`), after the
    ///   cached credentials were refused: the secret has rotated.
    public func databaseSecret(id: String, refresh: Bool = false) throws(PostgresError) -> DatabaseSecret {
        guard let token = environment["AWS_SESSION_TOKEN"], !token.isEmpty else {
            throw PostgresError(code: .configuration, message: "DATABASE_SECRET_ARN is set but AWS_SESSION_TOKEN is not")
        }
        // The extension's documented setting for its port.
        let port = environment["PARAMETERS_SECRETS_EXTENSION_HTTP_PORT"].flatMap { Int($0) } ?? 2773
        let url = "http://localhost:\(port)/secretsmanager/get?secretId=\(id.percentEncoded)"
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
}

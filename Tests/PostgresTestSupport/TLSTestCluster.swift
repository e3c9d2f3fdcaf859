import Foundation
public import Postgres

/// The TLS cluster (scripts/pg-start --tls), shaped like Aurora's handshake: a server
/// certificate from a throwaway CA for localhost and 127.0.0.1, and the application role
/// allowed in only over TLS with SCRAM. From TEST_TLS_DATABASE_URL and TEST_TLS_CA_BUNDLE_DIR
/// when the scripts set them, else started here (left running; scripts/pg-stop --tls ends it).
public struct TLSTestCluster: Sendable {
    /// postgres's URL for the maintenance database, with sslmode=verify-full and the global bundle.
    public let adminURL: String
    /// global-bundle.pem (the CA appended to Debian's bundle) and <region>-bundle.pem (the CA alone).
    public let caBundleDirectory: String
    /// The region whose bundle holds only the throwaway CA.
    public let region: String
    public let port: Int

    public static func shared() throws -> TLSTestCluster {
        try resolved.get()
    }

    public var adminConfiguration: PostgresConfiguration {
        PostgresConfiguration(connectionString: adminURL, applicationName: "tests")
    }

    /// A URL for `database` as `user` (with `password`) over TLS, with these query items
    /// (sslmode, sslrootcert, hostaddr...) and no others.
    public func url(database: String, user: String, password: String?, host: String = "127.0.0.1", query: [String: String]) -> String {
        var components = URLComponents()
        components.scheme = "postgresql"
        components.host = host
        components.port = port
        components.user = user
        components.password = password
        components.path = "/" + database
        components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.string!
    }

    private static let resolved: Result<TLSTestCluster, TestCluster.Unavailable> = {
        let environment = ProcessInfo.processInfo.environment
        var values: [String: String]
        if let url = environment["TEST_TLS_DATABASE_URL"], !url.isEmpty, let directory = environment["TEST_TLS_CA_BUNDLE_DIR"] {
            values = ["TEST_DATABASE_URL": url, "PG_CA_BUNDLE_DIR": directory, "PG_TLS_REGION": environment["TEST_TLS_REGION"] ?? "local-1"]
        } else {
            switch TestCluster.exports(byRunning: "scripts/pg-start", arguments: ["--tls"]) {
            case .success(let exported): values = exported
            case .failure(let error): return .failure(error)
            }
        }
        guard let url = values["TEST_DATABASE_URL"], let directory = values["PG_CA_BUNDLE_DIR"],
              let port = URLComponents(string: url)?.port
        else {
            return .failure(TestCluster.Unavailable(description: "scripts/pg-start --tls did not print TEST_DATABASE_URL and PG_CA_BUNDLE_DIR"))
        }
        return .success(TLSTestCluster(adminURL: url, caBundleDirectory: directory, region: values["PG_TLS_REGION"] ?? "local-1", port: port))
    }()
}

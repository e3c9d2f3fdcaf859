/// Where a function's database is and how to reach it, read from the environment.
///
/// - The writer: `DATABASE_SECRET_ARN` (credentials, and host, port and dbname when the
///   secret holds them), else `DATABASE_URL`. `DATABASE_HOST`, `DATABASE_PORT` and
///   `DATABASE_NAME`, when set, override the host, port and database of either: with a
///   proxy they name the proxy's endpoint.
/// - The reader: `DATABASE_READER_HOST`, with `DATABASE_READER_PORT` (default: the writer's
///   port); everything else as for the writer.
/// - `DATABASE_POOLED=true`: the host is a transaction-pooling proxy (see `PostgresConfiguration.pooled`).
/// - `DATABASE_CONNECT_TIMEOUT`: seconds, default 5.
/// - `DATABASE_CA_BUNDLE_DIR` with `AWS_REGION`: the region's CA bundle (see `CABundleChoice`).
public struct DatabaseSettings: Sendable {
    public var writer: PostgresConfiguration
    public var reader: PostgresConfiguration?
    /// What the function should log at init (a slower fallback taken, say); never a secret.
    public let warnings: [String]
    /// The secret the credentials come from, for reading it again after a rotation.
    public let secretID: String?
    private let environment: [String: String]
    private let applicationName: String
    private let secrets: (any DatabaseSecretSource)?

    /// - Parameters:
    ///   - environment: the process environment (a parameter so tests can pass their own).
    ///   - secrets: reads DATABASE_SECRET_ARN; without it that setting is a configuration error.
    public static func fromEnvironment(
        _ environment: [String: String], applicationName: String, secrets: (any DatabaseSecretSource)? = nil
    ) throws(PostgresError) -> DatabaseSettings {
        try DatabaseSettings(environment: environment, applicationName: applicationName, secrets: secrets, refreshSecret: false)
    }

    /// The same settings with the secret read again, bypassing the source's cache.
    /// nil when the credentials do not come from a secret.
    public func withRefreshedSecret() throws(PostgresError) -> DatabaseSettings? {
        guard secretID != nil else { return nil }
        return try DatabaseSettings(environment: environment, applicationName: applicationName, secrets: secrets, refreshSecret: true)
    }

    private init(
        environment: [String: String], applicationName: String, secrets: (any DatabaseSecretSource)?, refreshSecret: Bool
    ) throws(PostgresError) {
        self.environment = environment
        self.applicationName = applicationName
        self.secrets = secrets
        func setting(_ name: String) -> String? {
            environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        func port(_ name: String) throws(PostgresError) -> Int? {
            guard let text = setting(name) else { return nil }
            guard let number = Int(text), (1...65535).contains(number) else {
                throw PostgresError(code: .configuration, message: "\(name) must be a port number, not \(text)")
            }
            return number
        }
        let timeoutText = setting("DATABASE_CONNECT_TIMEOUT") ?? "5"
        guard let timeout = Int(timeoutText), timeout > 0 else {
            throw PostgresError(code: .configuration, message: "DATABASE_CONNECT_TIMEOUT must be a whole number of seconds, not \(timeoutText)")
        }
        let pooled: Bool
        switch setting("DATABASE_POOLED")?.lowercased() {
        case nil, "false", "0", "no": pooled = false
        case "true", "1", "yes": pooled = true
        case let other?:
            throw PostgresError(code: .configuration, message: "DATABASE_POOLED must be true or false, not \(other)")
        }
        let host = setting("DATABASE_HOST"), writerPort = try port("DATABASE_PORT"), name = setting("DATABASE_NAME")

        var writer: PostgresConfiguration
        if let arn = setting("DATABASE_SECRET_ARN") {
            guard let secrets else {
                throw PostgresError(code: .configuration, message: "DATABASE_SECRET_ARN is set but nothing here reads secrets")
            }
            let secret = try secrets.databaseSecret(id: arn, refresh: refreshSecret)
            guard let secretHost = host ?? secret.host else {
                throw PostgresError(code: .configuration, message: "the database secret holds no host and DATABASE_HOST is not set")
            }
            writer = PostgresConfiguration(
                host: secretHost, port: writerPort ?? secret.port ?? 5432, database: name ?? secret.dbname ?? "postgres",
                user: secret.username, password: secret.password,
                applicationName: applicationName, connectTimeoutSeconds: timeout
            )
            secretID = arn
        } else if let url = setting("DATABASE_URL") {
            writer = PostgresConfiguration(connectionString: url, applicationName: applicationName, connectTimeoutSeconds: timeout)
            // Later pairs override the URL's own.
            writer = writer.appending(
                (host.map { [("host", $0)] } ?? []) + (writerPort.map { [("port", String($0))] } ?? [])
                    + (name.map { [("dbname", $0)] } ?? [])
            )
            secretID = nil
        } else {
            throw PostgresError(code: .configuration, message: "set DATABASE_SECRET_ARN (with DATABASE_HOST) or DATABASE_URL")
        }
        writer.pooled = pooled
        // Before the other pairs, so that a URL's own sslrootcert still wins.
        let bundle = CABundleChoice.choose(environment)
        writer.parameters.insert(contentsOf: bundle.pairs, at: 0)
        warnings = bundle.warning.map { [$0] } ?? []
        self.writer = writer

        let readerPort = try port("DATABASE_READER_PORT")
        if let readerHost = setting("DATABASE_READER_HOST") {
            // Without its own port the reader keeps whatever port the writer's pairs give.
            reader = writer.appending([("host", readerHost)] + (readerPort.map { [("port", String($0))] } ?? []))
        } else {
            reader = nil
        }
    }
}

/// How to open a connection: libpq keyword/value pairs, passed to `PQconnectdbParams`
/// without being joined into a string, so a password never needs quoting.
///
/// libpq itself reads PGSSLMODE, PGSSLROOTCERT (and the other PG* variables) for every
/// keyword the pairs leave unset, so those keep working with a URL or a secret.
public struct PostgresConfiguration: Sendable {
    /// In libpq's order: a later keyword overrides an earlier one, and a `dbname` holding a
    /// URI or `key=value` string expands in place.
    public var parameters: [(key: String, value: String)]
    /// Connections go through a transaction-pooling proxy (RDS Proxy, PgBouncer): no named
    /// prepared statements and no session-level SET, so the proxy never pins a session.
    public var pooled = false

    public init(parameters: [(key: String, value: String)], pooled: Bool = false) {
        self.parameters = parameters
        self.pooled = pooled
    }

    /// A libpq URI (`postgresql://...`) or `key=value` connection string.
    ///
    /// Defaults go before the string so the string may override them; `application_name`
    /// goes after it so the server always shows which function a session belongs to.
    public init(connectionString: String, applicationName: String, connectTimeoutSeconds: Int = 5) {
        parameters = PostgresConfiguration.defaults(connectTimeoutSeconds: connectTimeoutSeconds)
            + [("dbname", connectionString), ("application_name", applicationName)]
    }

    /// Explicit fields, as read from a Secrets Manager secret.
    public init(
        host: String, port: Int, database: String, user: String, password: String,
        applicationName: String, connectTimeoutSeconds: Int = 5
    ) {
        parameters = PostgresConfiguration.defaults(connectTimeoutSeconds: connectTimeoutSeconds) + [
            ("host", host), ("port", String(port)), ("dbname", database), ("user", user),
            ("password", password), ("application_name", applicationName),
        ]
    }

    /// The same configuration, connecting to another database (tests' fresh databases).
    public func with(database: String) -> PostgresConfiguration {
        var copy = self
        copy.parameters.append(("dbname", database))
        return copy
    }

    /// The writer's configuration a function runs with (see `DatabaseSettings.fromEnvironment`).
    ///
    /// - Parameters:
    ///   - environment: the process environment (a parameter so tests can pass their own).
    ///   - secrets: reads DATABASE_SECRET_ARN.
    public static func fromEnvironment(
        _ environment: [String: String], applicationName: String, secrets: (any DatabaseSecretSource)? = nil
    ) throws(PostgresError) -> PostgresConfiguration {
        try DatabaseSettings.fromEnvironment(environment, applicationName: applicationName, secrets: secrets).writer
    }

    /// The same configuration with later pairs appended (a later keyword overrides an earlier one).
    func appending(_ pairs: [(key: String, value: String)]) -> PostgresConfiguration {
        var copy = self
        copy.parameters += pairs
        return copy
    }

    /// The last value given for `key` among the pairs (not looking inside a connection string).
    func value(of key: String) -> String? {
        parameters.last { $0.key == key }?.value
    }

    /// The pairs with secrets masked, for logs.
    public var redactedDescription: String {
        parameters.map { pair in
            switch pair.key {
            case "password": "password=***"
            // A URI may carry a password; show only that one was given.
            case "dbname" where pair.value.contains("://") || pair.value.contains("="): "dbname=<connection string>"
            default: "\(pair.key)=\(pair.value)"
            }
        }.joined(separator: " ")
    }

    private static func defaults(connectTimeoutSeconds: Int) -> [(key: String, value: String)] {
        [
            ("connect_timeout", String(connectTimeoutSeconds)),
            // A failover that drops packets must not hang a send forever; keepalives notice
            // a dead peer while waiting for a reply.
            ("keepalives", "1"),
            ("keepalives_idle", "30"),
            ("keepalives_interval", "5"),
            ("keepalives_count", "3"),
            // Unacknowledged data (a peer gone mid-send) fails the connection after this, rather
            // than after the kernel's retransmissions (about 15 minutes).
            ("tcp_user_timeout", "5000"),
        ]
    }
}

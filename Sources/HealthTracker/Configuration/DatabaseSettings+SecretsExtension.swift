public import Postgres

extension DatabaseSettings {
    /// The settings as the functions read them: DATABASE_SECRET_ARN (and, on a rotation, again)
    /// through the Parameters and Secrets Lambda Extension (see `DatabaseSettings.fromEnvironment`).
    public static func fromFunctionEnvironment(
        _ environment: [String: String], applicationName: String
    ) throws(PostgresError) -> DatabaseSettings {
        try fromEnvironment(environment, applicationName: applicationName, secrets: SecretsExtensionClient(environment: environment))
    }
}

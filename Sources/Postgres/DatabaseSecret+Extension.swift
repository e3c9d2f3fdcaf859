extension DatabaseSecret {
    /// The secret `id` (an ARN or name), read through the AWS Parameters and Secrets Lambda
    /// Extension, as `PostgresConfiguration.fromEnvironment` reads DATABASE_SECRET_ARN.
    public static func fetch(id: String, environment: [String: String]) throws(PostgresError) -> DatabaseSecret {
        try SecretsExtensionClient(environment: environment).databaseSecret(id: id)
    }
}

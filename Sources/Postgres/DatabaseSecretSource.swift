/// Where the credentials of DATABASE_SECRET_ARN come from. The application supplies it (in
/// AWS, the Parameters and Secrets Lambda Extension): the driver itself speaks only to the database.
public protocol DatabaseSecretSource: Sendable {
    /// The secret `id` (an ARN or name).
    /// - Parameter refresh: bypass any cache: the credentials it gave were refused, so the
    ///   secret has rotated.
    func databaseSecret(id: String, refresh: Bool) throws(PostgresError) -> DatabaseSecret
}

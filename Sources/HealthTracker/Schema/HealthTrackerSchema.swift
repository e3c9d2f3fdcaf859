public import Postgres

/// The database schema of the Health Tracker: its migrations, in order. Functions check the
/// version at init (`HealthTrackerSchema.migrator.checkSchema`); the migrate command applies them.
public enum HealthTrackerSchema {
    public static let migrations: [Migration] = [
        Migration(
            version: 1, name: "users_and_records", sql: createTablesSQL,
            hypertables: [
                // Chunks of a few months at most: the score reads 90 days of bio_metrics and
                // 7 days of activity and sleep. Compression waits until the score no longer
                // reads a chunk (blood tests: 365 days) so PATCHes on recent data stay cheap.
                Hypertable(table: "blood_tests", timeColumn: "test_date", chunkInterval: "180 days", compressAfter: "400 days"),
                Hypertable(table: "bio_metrics", timeColumn: "recorded", chunkInterval: "30 days", compressAfter: "180 days"),
                Hypertable(table: "physical_activity", timeColumn: "date", chunkInterval: "30 days", compressAfter: "90 days"),
                Hypertable(table: "sleep_activity", timeColumn: "date", chunkInterval: "30 days", compressAfter: "90 days"),
            ]
        ),
        Migration(version: 2, name: "application_role", sql: applicationRoleSQL),
        Migration(version: 3, name: "email_identity", sql: emailIdentitySQL, step: keyExistingEmails),
        Migration(version: 4, name: "idempotency_keys", sql: idempotencyKeysSQL),
    ]

    public static let migrator = Migrator(migrations: migrations)

    /// The version the functions need.
    public static var requiredVersion: Int { migrator.requiredVersion }
}

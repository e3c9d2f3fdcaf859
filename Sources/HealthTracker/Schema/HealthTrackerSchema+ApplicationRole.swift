extension HealthTrackerSchema {
    /// The role the API functions connect as. It may log in and use the five tables' rows
    /// and read the schema version; nothing else (no DDL, no other schema, no attributes).
    /// Its password is not here: the migrate function sets it from the application's own
    /// secret (`PostgresConnection.setPassword`), so a migration never holds a secret and a
    /// role made by `replay migrate` locally cannot log in with a password at all.
    public static let applicationRole = "healthtracker_app"

    /// The tables the API reads and writes.
    public static let applicationTables = ["users", "blood_tests", "bio_metrics", "physical_activity", "sleep_activity"]

    // Roles belong to the cluster, not the database: a second database on the same cluster
    // (tests, a staging copy) finds the role there, and two migrating at once may race to
    // create it, hence both exceptions (and no ALTER ROLE here, which would fail with
    // "tuple concurrently updated" under the same race). Privileges are per database and granted every time.
    static let applicationRoleSQL = """
        DO $$
        BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(applicationRole)') THEN
                CREATE ROLE \(applicationRole) LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS;
            END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END
        $$;
        -- Before PostgreSQL 15 every role may create objects in public; nobody but the owner should.
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        DO $$
        BEGIN
            EXECUTE format('GRANT CONNECT ON DATABASE %I TO \(applicationRole)', current_database());
        END
        $$;
        GRANT USAGE ON SCHEMA public TO \(applicationRole);
        GRANT SELECT, INSERT, UPDATE, DELETE ON \(applicationTables.joined(separator: ", ")) TO \(applicationRole);
        GRANT SELECT ON schema_migrations TO \(applicationRole);
        """
}

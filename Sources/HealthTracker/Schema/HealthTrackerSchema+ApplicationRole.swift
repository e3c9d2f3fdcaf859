public import Postgres

extension HealthTrackerSchema {
    /// The role the API functions connect as. It may log in and use the five tables' rows
    /// and read the schema version; nothing else (no DDL, no other schema, no attributes).
    /// Its password is not here: the migrate function sets it from the application's own
    /// secret (`setApplicationRolePassword`), so a migration never holds a secret, and a
    /// role made by `replay migrate` locally can log in with a password only when given one
    /// (`--application-password-env`).
    public static let applicationRole = "healthtracker_app"

    /// Sets the application role's password from the application's secret, as the migrate
    /// function does and `replay migrate --application-password-env` does locally.
    public static func setApplicationRolePassword(_ password: String, on connection: PostgresConnection) throws(PostgresError) {
        try connection.setPassword(role: applicationRole, password: password, iterations: applicationPasswordIterations(for: password))
    }

    /// PBKDF2 iterations for the application role's verifier: 1 for a secret with at least
    /// 128 bits by the estimate below, else nil (PostgreSQL's default, 4,096). Stretching
    /// buys log2(iterations) bits against offline guessing, 12 for 4,096; a machine-generated
    /// secret (Secrets Manager, 32 or more random characters) has far more than any guessing
    /// reaches without it, and every cold start pays the stretching in PBKDF2 on the client.
    /// The reasoning, and why 128 bits: docs/security.md.
    ///
    /// The estimate is length times log2 of the alphabet of the character classes present,
    /// rounded down, and the length must be 32 or more: an upper bound for a random string,
    /// which is why only this machine-generated secret is set this way.
    public static func applicationPasswordIterations(for password: String) -> Int? {
        let bytes = Array(password.utf8)
        guard bytes.count >= 32 else { return nil }
        var alphabet = 0
        if bytes.contains(where: { (0x61...0x7A).contains($0) }) { alphabet += 26 }
        if bytes.contains(where: { (0x41...0x5A).contains($0) }) { alphabet += 26 }
        if bytes.contains(where: { (0x30...0x39).contains($0) }) { alphabet += 10 }
        if bytes.contains(where: { (0x20...0x7E).contains($0) && !($0 >= 0x30 && $0 <= 0x39) && !($0 >= 0x41 && $0 <= 0x5A) && !($0 >= 0x61 && $0 <= 0x7A) }) {
            alphabet += 33
        }
        var bitsPerCharacter = 0
        while alphabet >= 2 << bitsPerCharacter { bitsPerCharacter += 1 }
        return bytes.count * bitsPerCharacter >= 128 ? 1 : nil
    }

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

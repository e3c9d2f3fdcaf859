import Postgres

extension HealthTrackerSchema {
    /// Migration 3: uniqueness by `EmailAddress.identityKey` instead of `lower(email)`. The
    /// key is computed here (PostgreSQL 15 has no full case folding), stored in `email_key`.
    static let emailIdentitySQL = """
        ALTER TABLE users ADD COLUMN email_key text;
        DROP INDEX users_email_key;
        """

    /// Keys the existing rows (in NFC, as the API now stores them), then makes the key unique.
    /// Addresses that the new rule makes one are reported by user_uuid and the migration
    /// fails, changing nothing: an operator resolves them (change or delete one of each
    /// pair) and deploys again. Rows written by SQL outside the API get `lower(normalize(email))`
    /// from a trigger, which equals the key for ASCII addresses.
    @Sendable static func keyExistingEmails(_ connection: PostgresConnection) throws {
        var owners: [String: [String]] = [:]
        for row in try connection.execute("SELECT user_uuid::text, email FROM users ORDER BY user_uuid") {
            let uuid = try row.decode(0, as: String.self), email = try row.decode(1, as: String.self)
            let key = EmailAddress.identityKey(email)
            owners[key, default: []].append(uuid)
            try connection.execute(
                "UPDATE users SET email = $2, email_key = $3 WHERE user_uuid = $1::uuid",
                [uuid, EmailAddress.normalized(email), key])
        }
        let collisions = owners.values.filter { $0.count > 1 }.map { $0.joined(separator: " = ") }.sorted()
        guard collisions.isEmpty else {
            throw PostgresError(
                code: .configuration,
                message: "migration 3 (email_identity): \(collisions.count) group(s) of users have addresses that are now one "
                    + "identity (Unicode NFC and case folding); change or delete all but one of each, then migrate again: "
                    + collisions.joined(separator: "; "))
        }
        try connection.executeScript("""
            ALTER TABLE users ALTER COLUMN email_key SET NOT NULL;
            CREATE UNIQUE INDEX users_email_key ON users (email_key);
            CREATE FUNCTION users_email_key_default() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.email_key IS NULL THEN
                    NEW.email_key := lower(normalize(NEW.email, NFC));
                END IF;
                RETURN NEW;
            END
            $$;
            CREATE TRIGGER users_email_key_default BEFORE INSERT OR UPDATE ON users
                FOR EACH ROW EXECUTE FUNCTION users_email_key_default();
            """)
    }
}

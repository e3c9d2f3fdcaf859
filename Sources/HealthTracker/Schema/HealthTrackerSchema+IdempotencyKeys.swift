extension HealthTrackerSchema {
    /// The answers to writes sent with an `Idempotency-Key` (see `IdempotentWrite`), stored in
    /// the write's own transaction. `scope` is the caller, method and route; `fingerprint` the
    /// SHA-256 of the body. Rows older than `IdempotentWrite.lifetimeHours` are ignored and
    /// deleted by later keyed writes (by `created_at`). The key's format is checked before any
    /// work (`IdempotentWrite.init`), so no CHECK here: constraints name the API's fields.
    static let idempotencyKeysSQL = """
        CREATE TABLE idempotency_keys (
            scope text NOT NULL,
            key text NOT NULL,
            fingerprint text NOT NULL,
            status integer NOT NULL,
            headers text NOT NULL,
            body text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (scope, key)
        );
        CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
        GRANT SELECT, INSERT, DELETE ON idempotency_keys TO \(applicationRole);
        """
}

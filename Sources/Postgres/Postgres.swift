// Postgres: a PostgreSQL driver over libpq: sessions with a writer and an optional reader,
// pooled mode for RDS Proxy or PgBouncer (no session state), client-side deadlines, failover and
// credential rotation, migrations. It takes credentials; fetching them is the application's job.

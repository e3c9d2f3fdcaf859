public import Postgres

extension PostgresConnection {
    /// Creates `role`, which can log in with a password only: scripts/pg-start's pg_hba.conf
    /// asks the members of `password_login` for one where it trusts everyone else on loopback.
    /// With `password` when given; with `privileges` on `database` when given. The names and
    /// the password are the tests' own, never input (role DDL takes no parameters).
    public func createPasswordRole(_ role: String, password: String? = nil, privileges: String = "CONNECT", on database: String? = nil) throws {
        var script = """
            DO $$ BEGIN CREATE ROLE password_login NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
            CREATE ROLE \(role) LOGIN\(password.map { " PASSWORD '\($0)'" } ?? "") IN ROLE password_login
            """
        if let database { script += ";\nGRANT \(privileges) ON DATABASE \(database) TO \(role)" }
        try executeScript(script)
    }
}

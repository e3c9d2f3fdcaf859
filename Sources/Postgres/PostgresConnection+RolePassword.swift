import CLibPQ

extension PostgresConnection {
    /// Sets a role's password (`ALTER ROLE ... PASSWORD`), sending only the SCRAM-SHA-256
    /// verifier that libpq computes here, as psql's `\password` does: the password itself
    /// never reaches the server, its statement log or `pg_stat_activity`.
    ///
    /// ALTER ROLE takes no parameters, so the name and verifier are escaped by libpq.
    public func setPassword(role: String, password: String) throws(PostgresError) {
        let connection = try openHandle()
        guard let verifier = PQencryptPasswordConn(connection, password, role, "scram-sha-256") else {
            throw PostgresError(code: .other, message: "libpq could not compute the password verifier for role \(role)")
        }
        defer { PQfreemem(verifier) }
        guard let name = PQescapeIdentifier(connection, role, role.utf8.count) else {
            throw PostgresError(code: .other, message: "libpq could not quote the role name")
        }
        defer { PQfreemem(name) }
        let verifierText = String(cString: verifier)
        guard let literal = PQescapeLiteral(connection, verifierText, verifierText.utf8.count) else {
            throw PostgresError(code: .other, message: "libpq could not quote the password verifier")
        }
        defer { PQfreemem(literal) }
        try executeScript("ALTER ROLE \(String(cString: name)) PASSWORD \(String(cString: literal))")
    }
}

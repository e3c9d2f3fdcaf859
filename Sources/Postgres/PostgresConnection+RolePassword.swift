import CLibPQ

extension PostgresConnection {
    /// Sets a role's password (`ALTER ROLE ... PASSWORD`), sending only its SCRAM-SHA-256
    /// verifier, as psql's `\password` does: the password itself never reaches the server, its
    /// statement log or `pg_stat_activity`.
    ///
    /// - Parameter iterations: the verifier's PBKDF2 iteration count; nil: libpq computes it
    ///   with the server's default (what human and master-user passwords get). A password
    ///   that is not printable ASCII always takes libpq's path, which applies SASLprep.
    ///
    /// ALTER ROLE takes no parameters, so the name and verifier are escaped by libpq.
    public func setPassword(role: String, password: String, iterations: Int? = nil) throws(PostgresError) {
        let connection = try openHandle()
        let verifierText: String
        if let iterations, let own = SCRAMVerifier.make(password: password, iterations: iterations, salt: SCRAMVerifier.randomSalt()) {
            verifierText = own
        } else {
            guard let verifier = PQencryptPasswordConn(connection, password, role, "scram-sha-256") else {
                throw PostgresError(code: .other, message: "libpq could not compute the password verifier for role \(role)")
            }
            defer { PQfreemem(verifier) }
            verifierText = String(cString: verifier)
        }
        guard let name = PQescapeIdentifier(connection, role, role.utf8.count) else {
            throw PostgresError(code: .other, message: "libpq could not quote the role name")
        }
        defer { PQfreemem(name) }
        guard let literal = PQescapeLiteral(connection, verifierText, verifierText.utf8.count) else {
            throw PostgresError(code: .other, message: "libpq could not quote the password verifier")
        }
        defer { PQfreemem(literal) }
        try executeScript("ALTER ROLE \(String(cString: name)) PASSWORD \(String(cString: literal))")
    }
}

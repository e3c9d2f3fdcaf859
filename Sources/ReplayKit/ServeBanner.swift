import LambdaHTTP

/// What `replay serve` prints at start: where it listens and curl commands that work as shown.
public enum ServeBanner {
    public static let exampleUser = "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f"

    /// - Parameters: issuer, audience: put into the example token, so it passes `--jwt-issuer`
    ///   and `--jwt-audience` too.
    public static func text(
        port: Int, jwtSecret: String?, recordPath: String?, issuer: String? = nil, audience: String? = nil
    ) -> String {
        let base = "http://127.0.0.1:\(port)"
        var auth = ""
        var out = "replay serve: listening on \(base) (AUTH_MODE=\(jwtSecret == nil ? "none" : "jwt"))\n"
        if let jwtSecret {
            let token = JWTVerifier(secret: jwtSecret).sign(claims: JSONObject(
                [("sub", JSONValue.string(exampleUser)), ("scope", .string("health-tracker/admin"))]
                    + (issuer.map { [("iss", JSONValue.string($0))] } ?? []) + (audience.map { [("aud", JSONValue.string($0))] } ?? [])
            ))
            auth = " -H 'Authorization: Bearer \(token)'"
            out += "An admin token for \(exampleUser) (HS256, no expiry):\n  \(token)\n"
        }
        if let recordPath { out += "Recording to \(recordPath)\n" }
        // The created user's uuid is server-made, so the commands capture it rather than print one
        // that might not exist. Each run makes a new user (the e-mail is unique per run: it is
        // unique in the table), so the commands work again when pasted a second time; if the
        // POST fails, the later commands stop at ${U:?} instead of doing something else.
        let curl = "curl -s -w '  [HTTP %{http_code}]\\n'\(auth)"
        let user = "${U:?no user_uuid in the answer above}"
        out += """
        Try (in a POSIX shell; they work again on a second run, each run creating a new user):
          R=$(\(curl) -X POST \(base)/api/users/ -H 'Content-Type: application/json' -d '{"email":"ada-'"$(date +%s%N)"'@example.com","full_name":"Ada Lovelace","date_of_birth":"1990-04-01","sex":"female"}'); echo "$R"; U=$(echo "$R" | sed -n 's/.*"user_uuid":"\\([^"]*\\)".*/\\1/p')
          \(curl) \(base)/api/users/\(user)
          \(curl) -X POST \(base)/api/bio-metrics/ -H 'Content-Type: application/json' -d '{"user_uuid":"'"\(user)"'","recorded":"2024-05-01T07:30:00Z","weight_kg":62.5,"height_cm":168}'
          \(curl) "\(base)/api/get_health_score?user_uuid=\(user)&as_of=2024-05-02T00:00:00Z"
        (The score needs blood tests, activity and sleep too; with one reading it says which data is missing.)

        """
        return out
    }
}

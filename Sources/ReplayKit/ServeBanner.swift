/// What `replay serve` prints at start: where it listens and curl commands that work as shown.
public enum ServeBanner {
    public static let exampleUser = "3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f"

    public static func text(port: Int, jwtSecret: String?, recordPath: String?) -> String {
        let base = "http://127.0.0.1:\(port)"
        var auth = ""
        var out = "replay serve: listening on \(base) (AUTH_MODE=\(jwtSecret == nil ? "none" : "jwt"))\n"
        if let jwtSecret {
            let token = JWTVerifier(secret: jwtSecret).sign(claims: [
                ("sub", .string(exampleUser)), ("scope", .string("health-tracker/admin")),
            ])
            auth = " -H 'Authorization: Bearer \(token)'"
            out += "An admin token for \(exampleUser) (HS256, no expiry):\n  \(token)\n"
        }
        if let recordPath { out += "Recording to \(recordPath)\n" }
        // The created user's uuid is server-made (the token's `sub` with auth on), so the
        // commands capture it rather than print one that might not exist.
        out += """
        Try (in a POSIX shell):
          U=$(curl -s\(auth) -X POST \(base)/api/users/ -H 'Content-Type: application/json' -d '{"email":"ada@example.com","full_name":"Ada Lovelace","date_of_birth":"1990-04-01","sex":"female"}' | sed -n 's/.*"user_uuid":"\\([^"]*\\)".*/\\1/p'); echo "$U"
          curl -s\(auth) \(base)/api/users/$U
          curl -s\(auth) -X POST \(base)/api/bio-metrics/ -H 'Content-Type: application/json' -d '{"user_uuid":"'$U'","recorded":"2024-05-01T07:30:00Z","weight_kg":62.5,"height_cm":168}'
          curl -s\(auth) "\(base)/api/get_health_score?user_uuid=$U&as_of=2024-05-02T00:00:00Z"
        (The score needs blood tests, activity and sleep too; with one reading it says which data is missing.)

        """
        return out
    }
}

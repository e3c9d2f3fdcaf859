import LambdaHTTP
import Postgres
import UTCTime

/// A write sent with an `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header): POST,
/// PATCH and DELETE. The key is scoped by the caller, the method and the route. The write and
/// the stored answer commit in one transaction, so there is no in-progress record for a crash
/// to strand: a repeat finds the answer (and gets it again, marked `Idempotency-Replayed:
/// true`) or finds nothing and writes. A repeat while the first is still running answers 409;
/// the same key with another body 422. Only 2xx answers are stored: an error changed nothing,
/// so the request may be sent again with the same key. Keys are kept `lifetimeHours`; later
/// keyed writes delete the expired ones, so no scheduler is needed.
struct IdempotentWrite {
    static let header = "Idempotency-Key"
    static let replayedHeader = "Idempotency-Replayed"
    /// How long an answer is kept and replayed (published in openapi.yaml and the docs).
    static let lifetimeHours = 24

    let key: String
    let scope: String
    let body: String

    /// The keyed write `call` asks for; nil without the header or for a method that is not a
    /// write. A key that is not 1 to 255 visible ASCII characters is 400, and so is a POST or
    /// PATCH without one when `policy` requires it.
    init?(_ call: APICall, policy: IdempotencyKeyPolicy) throws(Problem) {
        switch call.request.method {
        case .post, .patch, .delete: break
        default: return nil
        }
        guard let key = call.request.headers[Self.header] else {
            if policy == .required, call.request.method != .delete {
                throw Problem(.idempotencyKeyMissing, detail: "This deployment requires an Idempotency-Key on POST and PATCH",
                              invalidParams: [InvalidParameter(name: Self.header, reason: "is required")])
            }
            return nil
        }
        // Cheap checks before any work: length, then visible ASCII (0x21 to 0x7E).
        guard (1...255).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw Problem(.invalidIdempotencyKey, detail: "Idempotency-Key must be 1 to 255 visible ASCII characters",
                          invalidParams: [InvalidParameter(name: Self.header, reason: "must be 1 to 255 visible ASCII characters")])
        }
        self.key = key
        let caller = switch call.caller.identity {
        case .unrestricted: "anonymous"
        case .token(let subject, _): "sub:" + subject
        }
        scope = caller + " " + call.route.routeKey
        body = call.request.rawBody ?? ""
    }

    /// Runs `endpoint` in one writer transaction with the key, or replays the stored answer.
    func respond(_ database: PostgresSession, deadline: Instant?, _ endpoint: () throws -> HTTPResponse) throws -> HTTPResponse {
        try database.enclosingTransaction(deadline: deadline) { connection in
            // Held until this transaction ends: a repeat meanwhile is "in flight".
            let locked = try connection.execute(
                "SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0))", [scope + "\n" + key]
            ).first?.decode(0, as: Bool.self)
            guard locked == true else {
                throw Problem(.idempotencyKeyInFlight, detail: "A request with this Idempotency-Key is still being processed; retry later")
            }
            try connection.execute(
                "DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)", [Self.lifetimeHours])
            let stored = try connection.execute("""
                SELECT fingerprint = encode(sha256(convert_to($3, 'UTF8')), 'hex'), status, headers, body
                FROM idempotency_keys WHERE scope = $1 AND key = $2
                """, [scope, key, body]).first
            if let stored {
                guard try stored.decode(0, as: Bool.self) else {
                    throw Problem(.idempotencyKeyReused, detail: "This Idempotency-Key was used with a different request body")
                }
                var headers = HTTPHeaders()
                for line in try stored.decode(2, as: String.self).split(separator: "\n") {
                    guard let tab = line.firstIndex(of: "\t") else { continue }
                    headers.add(name: String(line[..<tab]), value: String(line[line.index(after: tab)...]))
                }
                headers.set(name: Self.replayedHeader, value: "true")
                return HTTPResponse(status: try stored.decode(1, as: Int.self), headers: headers, body: Array(try stored.decode(3, as: String.self).utf8))
            }
            let response = try endpoint()
            guard (200..<300).contains(response.status) else { return response }
            let headers = response.headers.fields
                .filter { $0.name.lowercased() != ConsistencyToken.header.lowercased() }
                .map { $0.name + "\t" + $0.value }.joined(separator: "\n")
            try connection.execute("""
                INSERT INTO idempotency_keys (scope, key, fingerprint, status, headers, body)
                VALUES ($1, $2, encode(sha256(convert_to($3, 'UTF8')), 'hex'), $4, $5, $6)
                """, [scope, key, body, response.status, headers, String(decoding: response.body, as: UTF8.self)])
            return response
        }
    }
}

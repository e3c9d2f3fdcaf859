/// Whether writes must carry an `Idempotency-Key` (api.md, Retries): `IDEMPOTENCY_KEY`. A
/// deployment whose clients all send keys can require them, so no write is left without a safe
/// retry.
public enum IdempotencyKeyPolicy: String, Sendable, Equatable, CaseIterable, EnvironmentChoice {
    /// A key is used when sent. The default.
    case optional
    /// POST and PATCH without a key are 400 `/problems/idempotency-key-missing`
    /// (draft-ietf-httpapi-idempotency-key-header §2.7). DELETE is idempotent by definition,
    /// so a key stays optional there.
    case required

    static let variable = "IDEMPOTENCY_KEY"
    static let unset = IdempotencyKeyPolicy.optional
}

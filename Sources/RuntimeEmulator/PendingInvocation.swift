/// An invocation from `invoke` until its outcome.
struct PendingInvocation {
    let requestID: String
    let function: String
    let payload: [UInt8]
    let timeout: Duration
    let clientContext: String?
    let cognitoIdentity: String?
    let continuation: CheckedContinuation<InvocationResult, Never>
    let enqueuedAt: ContinuousClock.Instant
    var instanceID: Int?
    var assignedAt: ContinuousClock.Instant?
    var coldStart = false
}

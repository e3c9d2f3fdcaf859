public import UTCTime

/// Turns `Lambda-Runtime-Deadline-Ms` into a deadline on this process's clock.
///
/// The header is a Unix time set by another machine's clock, so it is trusted only when it is
/// plausible: an invocation always arrives with at most the function's timeout left. A value
/// that has already passed on arrival, lies more than Lambda's 15-minute maximum ahead, or
/// predates 2001 (some emulators send a duration, such as `600000`) says more about the
/// clocks than about the invocation; it is treated as unknown and the configured timeout,
/// counted from arrival, is used instead. A plausible deadline is kept as it is: the timeout
/// variable is a fallback, and a function whose templates forget it keeps its real budget.
public struct DeadlinePolicy: Sendable, Equatable {
    /// The function's configured timeout (`FUNCTION_TIMEOUT_SECONDS`).
    public let functionTimeoutMilliseconds: Int64

    /// Lambda's maximum timeout: no real deadline lies further ahead.
    public static let maximumTimeoutMilliseconds: Int64 = 15 * 60 * 1000
    /// 2001-01-01T00:00:00Z: any earlier "deadline" is not a Unix time in milliseconds.
    public static let earliestPlausibleMilliseconds: Int64 = 978_307_200_000
    /// Lambda's default timeout, used when the environment does not say.
    public static let defaultTimeoutMilliseconds: Int64 = 3_000

    public init(functionTimeoutMilliseconds: Int64) {
        self.functionTimeoutMilliseconds = min(max(functionTimeoutMilliseconds, 1_000), Self.maximumTimeoutMilliseconds)
    }

    /// From `FUNCTION_TIMEOUT_SECONDS` (the templates set it from the function's `Timeout`).
    public init(environment: [String: String]) {
        let seconds = environment["FUNCTION_TIMEOUT_SECONDS"].flatMap { Int64($0) }
        self.init(functionTimeoutMilliseconds: seconds.map { $0 * 1000 } ?? Self.defaultTimeoutMilliseconds)
    }

    /// Whether a header value can be a real deadline for an invocation that arrived at `now`.
    public func isPlausible(headerMilliseconds: Int64, now: Instant) -> Bool {
        let nowMilliseconds = now.millisecondsSinceEpoch
        return headerMilliseconds >= Self.earliestPlausibleMilliseconds
            && headerMilliseconds > nowMilliseconds
            && headerMilliseconds - nowMilliseconds <= Self.maximumTimeoutMilliseconds
    }

    /// The deadline to work to, for an invocation whose header says `headerMilliseconds` and
    /// that arrived at `now`.
    public func deadline(headerMilliseconds: Int64, now: Instant) -> Instant {
        guard isPlausible(headerMilliseconds: headerMilliseconds, now: now) else {
            return Instant(millisecondsSinceEpoch: now.millisecondsSinceEpoch + functionTimeoutMilliseconds)
        }
        return Instant(millisecondsSinceEpoch: headerMilliseconds)
    }
}

import LambdaRuntime
import TestTags
import Testing
import UTCTime

/// The deadline a function works to, for deadline headers from clocks that disagree with ours.
@Suite(.tags(.pure)) struct DeadlinePolicyTests {
    let policy = DeadlinePolicy(functionTimeoutMilliseconds: 10_000)
    /// An arbitrary arrival time; nothing here reads the clock.
    let now = Instant(millisecondsSinceEpoch: 1_830_000_000_000)

    func deadline(_ header: Int64) -> Int64 {
        policy.deadline(headerMilliseconds: header, now: now).millisecondsSinceEpoch
    }

    @Test func aPlausibleDeadlineIsKept() {
        #expect(deadline(now.millisecondsSinceEpoch + 9_500) == now.millisecondsSinceEpoch + 9_500)
    }

    /// Our clock a few seconds behind the sender's, or a function whose timeout variable says
    /// less than its real timeout (migrate's 300 s under a 10 s global): the header is kept.
    @Test func aPlausibleDeadlineBeyondTheTimeoutIsKept() {
        #expect(deadline(now.millisecondsSinceEpoch + 14_000) == now.millisecondsSinceEpoch + 14_000)
        #expect(deadline(now.millisecondsSinceEpoch + 300_000) == now.millisecondsSinceEpoch + 300_000)
    }

    /// Our clock ahead of the sender's: the deadline has passed on arrival, which no real
    /// invocation does, so the timeout counts from arrival.
    @Test func aDeadlineInThePastMeansTheTimeout() {
        #expect(deadline(now.millisecondsSinceEpoch - 3_000) == now.millisecondsSinceEpoch + 10_000)
        #expect(deadline(now.millisecondsSinceEpoch) == now.millisecondsSinceEpoch + 10_000)
    }

    /// A year ahead (clocks far apart) or beyond Lambda's 15-minute maximum.
    @Test func aDeadlineFarInTheFutureMeansTheTimeout() {
        #expect(deadline(now.millisecondsSinceEpoch + 394 * 86_400_000) == now.millisecondsSinceEpoch + 10_000)
        #expect(deadline(now.millisecondsSinceEpoch + 15 * 60_000 + 1) == now.millisecondsSinceEpoch + 10_000)
        #expect(policy.isPlausible(headerMilliseconds: now.millisecondsSinceEpoch + 15 * 60_000, now: now))
    }

    /// cargo-lambda's emulator sends `600000`: a duration, not a Unix time.
    @Test func aDurationIsNotADeadline() {
        #expect(!policy.isPlausible(headerMilliseconds: 600_000, now: now))
        #expect(deadline(600_000) == now.millisecondsSinceEpoch + 10_000)
    }

    @Test func theTimeoutComesFromTheEnvironment() {
        #expect(DeadlinePolicy(environment: ["FUNCTION_TIMEOUT_SECONDS": "29"]).functionTimeoutMilliseconds == 29_000)
        #expect(DeadlinePolicy(environment: [:]).functionTimeoutMilliseconds == DeadlinePolicy.defaultTimeoutMilliseconds)
        #expect(DeadlinePolicy(environment: ["FUNCTION_TIMEOUT_SECONDS": "junk"]).functionTimeoutMilliseconds == DeadlinePolicy.defaultTimeoutMilliseconds)
        #expect(DeadlinePolicy(environment: ["FUNCTION_TIMEOUT_SECONDS": "100000"]).functionTimeoutMilliseconds == DeadlinePolicy.maximumTimeoutMilliseconds)
    }
}

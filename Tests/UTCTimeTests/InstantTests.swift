#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TestTags
import Testing
import UTCTime

@Suite(.tags(.pure)) struct InstantTests {
    @Test(arguments: [
        ("2025-06-15T12:00:00Z", "2025-06-15T12:00:00Z"),
        ("2025-06-15T14:00:00+02:00", "2025-06-15T12:00:00Z"),
        ("2025-06-15T00:30:00+05:30", "2025-06-14T19:00:00Z"),
        ("2025-06-14T23:00:00-01:00", "2025-06-15T00:00:00Z"),
        ("2025-06-15t12:00:00z", "2025-06-15T12:00:00Z"),
        ("2025-06-15 12:00:00Z", "2025-06-15T12:00:00Z"),
        ("2025-06-15T12:00:00.5Z", "2025-06-15T12:00:00.5Z"),
        ("2025-06-15T12:00:00.123456Z", "2025-06-15T12:00:00.123456Z"),
        ("2025-06-15T12:00:00.100000000Z", "2025-06-15T12:00:00.1Z"),
        ("1969-12-31T23:59:59.999999Z", "1969-12-31T23:59:59.999999Z"),
    ])
    func parsesAndPrintsInUTC(text: String, utc: String) throws {
        let instant = try #require(Instant(rfc3339: text))
        #expect(instant.rfc3339 == utc)
        #expect(Instant(rfc3339: instant.rfc3339) == instant)
    }

    @Test(arguments: [
        "2025-06-15T12:00:00",          // no offset
        "2025-06-15",                   // a date, not a date-time
        "2025-06-15T24:00:00Z", "2025-06-15T12:60:00Z", "2025-06-15T12:00:60Z",
        "2025-06-15T12:00:00+0200",     // offset without a colon
        "2025-06-15T12:00:00+24:00",
        "2025-06-15T12:00:00.Z",        // empty fraction
        "2025-06-15T12:00:00.1234567Z", // finer than a microsecond
        "2025-02-30T12:00:00Z",
        "2025-06-15T12:00:00Z ", "2025-06-15X12:00:00Z", "",
    ])
    func rejectsWhatIsNotAnRFC3339InstantWithOffset(text: String) {
        #expect(Instant(rfc3339: text) == nil)
    }

    @Test func utcDateOfAnInstant() throws {
        #expect(try #require(Instant(rfc3339: "2025-06-15T23:59:59.999999Z")).date.description == "2025-06-15")
        #expect(try #require(Instant(rfc3339: "2025-06-16T01:00:00+02:00")).date.description == "2025-06-15")
        #expect(try #require(Instant(rfc3339: "1969-12-31T12:00:00Z")).date.description == "1969-12-31")
    }

    @Test func millisecondsRoundDownTowardsThePast() {
        #expect(Instant(microsecondsSinceEpoch: -1).millisecondsSinceEpoch == -1)
        #expect(Instant(microsecondsSinceEpoch: 1999).millisecondsSinceEpoch == 1)
        #expect(Instant(millisecondsSinceEpoch: 1_718_722_804_000).rfc3339 == "2024-06-18T15:00:04Z")
    }

    /// `now()` is the wall clock in microseconds, whatever day the test runs on.
    @Test func nowIsTheWallClock() {
        var before = timespec()
        clock_gettime(CLOCK_REALTIME, &before)
        let now = Instant.now()
        var after = timespec()
        clock_gettime(CLOCK_REALTIME, &after)
        let low = Int64(before.tv_sec) * 1_000_000 + Int64(before.tv_nsec) / 1000
        let high = Int64(after.tv_sec) * 1_000_000 + Int64(after.tv_nsec) / 1000
        #expect((low...high).contains(now.microsecondsSinceEpoch))
    }
}

import UTCTime

extension Instant {
    /// An RFC 3339 instant whose UTC form has a four-digit year, so that what we return
    /// (`.rfc3339`, in UTC) can itself be sent back as a key: `0001-01-01T00:30:00+01:00`
    /// falls in year 0 in UTC and is refused.
    static func parseStorable(_ text: String) -> Instant? {
        guard let instant = Instant(rfc3339: text), Instant(rfc3339: instant.rfc3339) == instant else { return nil }
        return instant
    }
}

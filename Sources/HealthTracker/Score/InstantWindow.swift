public import UTCTime

/// An inclusive range of instants, written `{start, end}`.
public struct InstantWindow: Sendable, Hashable {
    public let start: Instant
    public let end: Instant

    public init(start: Instant, end: Instant) {
        self.start = start
        self.end = end
    }

    public func contains(_ instant: Instant) -> Bool {
        start <= instant && instant <= end
    }
}

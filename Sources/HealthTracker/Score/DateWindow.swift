public import UTCTime

/// An inclusive range of UTC days, written `{start_date, end_date}`.
public struct DateWindow: Sendable, Hashable {
    public let startDate: CalendarDate
    public let endDate: CalendarDate

    public init(startDate: CalendarDate, endDate: CalendarDate) {
        self.startDate = startDate
        self.endDate = endDate
    }

    public func contains(_ date: CalendarDate) -> Bool {
        startDate <= date && date <= endDate
    }
}

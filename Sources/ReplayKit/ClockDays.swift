public import UTCTime

/// The UTC days that the function's clock may have called "today" during one invocation.
///
/// A response that names today (a "to today (…)" bound in a 422, say) would otherwise hold a
/// date from the day it was recorded, and fail every day after. Such a day is stored as
/// `<today>` unless the event itself holds it, as generated UUIDs are stored as `<uuid>`.
/// The function's clock may lag replay's own (under libfaketime each process starts its
/// fake clock when it starts), so the days reach back by `allowedLag`.
public struct ClockDays: Sendable, Equatable {
    public static let mask = "<today>"
    /// How far the function's clock may run behind replay's.
    public static let allowedLagMicroseconds: Int64 = 15 * 60 * 1_000_000

    /// `YYYY-MM-DD`, in ascending order.
    public let days: [String]

    public init(days: [String]) {
        self.days = days
    }

    /// The days from `start` less the allowed lag to `end`.
    public static func during(start: Instant, end: Instant) -> ClockDays {
        var day = start.adding(microseconds: -allowedLagMicroseconds).date
        var days: [String] = []
        while day <= end.date {
            days.append(day.description)
            day = day.adding(days: 1)
        }
        return ClockDays(days: days)
    }

    /// `text` with each of these days that `eventText` does not hold replaced by the mask.
    func masking(_ text: String, eventText: String) -> String {
        var result = text
        for day in days where result.contains(day) && !eventText.contains(day) {
            result = result.replacing(day, with: Self.mask)
        }
        return result
    }
}

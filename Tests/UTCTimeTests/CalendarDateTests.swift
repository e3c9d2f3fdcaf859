import TestTags
import Testing
import UTCTime

@Suite(.tags(.pure)) struct CalendarDateTests {
    @Test(arguments: [
        ("1970-01-01", 0), ("1969-12-31", -1), ("2000-02-29", 11_016), ("2025-06-15", 20_254), ("1900-01-01", -25_567),
    ])
    func parsesAndCountsDays(text: String, days: Int) throws {
        let date = try #require(CalendarDate(text))
        #expect(date.daysSinceEpoch == days)
        #expect(date.description == text)
    }

    @Test(arguments: [
        "2025-02-29", "2024-02-30", "2025-13-01", "2025-00-10", "2025-04-31", "2025-4-01", "25-04-01",
        "2025-04-01T00:00:00Z", " 2025-04-01", "2025/04/01", "0000-01-01", "2025-04-0a", "",
    ])
    func rejectsMalformedOrImpossibleDates(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func leapYearRules() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("1900-02-29") == nil)
        #expect(CalendarDate("2100-02-29") == nil)
    }

    @Test func arithmeticCrossesMonthsAndYears() throws {
        let date = try #require(CalendarDate("2025-06-15"))
        #expect(date.adding(days: -364).description == "2024-06-16")
        #expect(date.adding(days: -89).description == "2025-03-18")
        #expect(date.adding(days: 17).description == "2025-07-02")
        #expect(try #require(CalendarDate("2024-12-31")).adding(days: 1).description == "2025-01-01")
    }

    @Test func everyDayOfFourCenturiesRoundTrips() {
        // 400 Gregorian years repeat exactly, so this covers every calendar rule.
        let start = CalendarDate(year: 1900, month: 1, day: 1)!.daysSinceEpoch
        var previous = start - 1
        for days in start..<(start + 146_097) {
            let date = CalendarDate(daysSinceEpoch: days)
            let (y, m, d) = date.components
            #expect(CalendarDate(year: y, month: m, day: d)?.daysSinceEpoch == days)
            #expect(days == previous + 1)
            previous = days
        }
    }

    @Test func startInstantIsMidnightUTC() throws {
        #expect(try #require(CalendarDate("2025-03-18")).startInstant.rfc3339 == "2025-03-18T00:00:00Z")
    }
}

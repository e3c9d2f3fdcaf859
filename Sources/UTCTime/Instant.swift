#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point in time with microsecond precision: PostgreSQL's `timestamptz` resolution.
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let microsecondsPerDay: Int64 = 86_400_000_000

    public let microsecondsSinceEpoch: Int64

    public init(microsecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = microsecondsSinceEpoch
    }

    public init(millisecondsSinceEpoch: Int64) {
        self.microsecondsSinceEpoch = millisecondsSinceEpoch * 1000
    }

    /// The wall clock.
    public static func now() -> Instant {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Instant(microsecondsSinceEpoch: Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1000)
    }

    public var millisecondsSinceEpoch: Int64 {
        microsecondsSinceEpoch.floorDivided(by: 1000)
    }

    /// The UTC day this instant falls on.
    public var date: CalendarDate {
        CalendarDate(daysSinceEpoch: Int(microsecondsSinceEpoch.floorDivided(by: Instant.microsecondsPerDay)))
    }

    public func adding(microseconds: Int64) -> Instant {
        Instant(microsecondsSinceEpoch: microsecondsSinceEpoch + microseconds)
    }

    /// RFC 3339 in UTC with `Z`; fractional seconds only when present, trimmed of trailing zeros.
    public var rfc3339: String {
        let micros = microsecondsSinceEpoch.floorModulo(Instant.microsecondsPerDay)
        let seconds = Int(micros / 1_000_000)
        var fraction = Int(micros % 1_000_000)
        var text = date.description + "T"
            + ASCIIDigits.padded(seconds / 3600, width: 2) + ":"
            + ASCIIDigits.padded(seconds / 60 % 60, width: 2) + ":"
            + ASCIIDigits.padded(seconds % 60, width: 2)
        if fraction != 0 {
            var width = 6
            while fraction % 10 == 0 { fraction /= 10; width -= 1 }
            text += "." + ASCIIDigits.padded(fraction, width: width)
        }
        return text + "Z"
    }

    public var description: String { rfc3339 }

    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }

    func floorModulo(_ divisor: Int64) -> Int64 {
        self - floorDivided(by: divisor) * divisor
    }
}

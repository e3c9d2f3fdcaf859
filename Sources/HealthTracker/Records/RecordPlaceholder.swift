import FoundationEssentials
import UTCTime

/// Stand-ins for required keys that a broken body lacks, so the other fields can still be
/// checked; a record holding them is never returned (its body has an issue).
enum RecordPlaceholder {
    static let uuid = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    static let date = CalendarDate(daysSinceEpoch: 0)
    static let instant = Instant(microsecondsSinceEpoch: 0)
}

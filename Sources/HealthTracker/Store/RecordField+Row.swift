import FoundationEssentials
import Postgres
import UTCTime

extension RecordField {
    /// Reads this field's column (at `column`) of a stored row into `record`.
    func decode(_ row: PostgresRow, column: Int, into record: inout Record) throws(PostgresError) {
        switch self {
        case .decimal(_, _, let path): record[keyPath: path] = try row.decode(column, as: Decimal?.self)
        case .integer(_, _, let path): record[keyPath: path] = try row.decode(column, as: Int?.self)
        case .instant(_, let path): record[keyPath: path] = try row.decode(column, as: Instant?.self)
        case .date(_, let path): record[keyPath: path] = try row.decode(column, as: CalendarDate?.self)
        case .sex(_, let path):
            let text = try row.decode(column, as: String?.self)
            record[keyPath: path] = text.flatMap(Sex.init(rawValue:))
        case .requiredText(_, _, let path): record[keyPath: path] = try row.decode(column, as: String.self)
        }
    }
}

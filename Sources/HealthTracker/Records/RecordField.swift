import FoundationEssentials
import LambdaHTTP
import UTCTime

/// One writable, non-key field of a record type: its JSON name (also its column name),
/// its rule and where it lives in the typed record.
///
/// Tables of these drive body reading, patching and encoding, so each field is described once.
enum RecordField<Record> {
    case decimal(String, DecimalRange, WritableKeyPath<Record, Decimal?>)
    case integer(String, ClosedRange<Int>, WritableKeyPath<Record, Int?>)
    case instant(String, WritableKeyPath<Record, Instant?>)
    case date(String, WritableKeyPath<Record, CalendarDate?>)
    case sex(String, WritableKeyPath<Record, Sex?>)
    case requiredText(String, TextRule, WritableKeyPath<Record, String>)

    var name: String {
        switch self {
        case .decimal(let name, _, _), .integer(let name, _, _), .instant(let name, _),
             .date(let name, _), .sex(let name, _), .requiredText(let name, _, _):
            name
        }
    }

    var isRequired: Bool {
        if case .requiredText = self { true } else { false }
    }

    func read(from reader: inout BodyReader) -> FieldInput<ColumnValue> {
        switch self {
        case .decimal(let name, let range, _): reader.decimal(name, range).map(ColumnValue.decimal)
        case .integer(let name, let range, _): reader.integer(name, range).map(ColumnValue.integer)
        case .instant(let name, _): reader.instant(name).map(ColumnValue.instant)
        case .date(let name, _): reader.date(name).map(ColumnValue.date)
        case .sex(let name, _): reader.choice(name, Sex.self).map { ColumnValue.text($0.rawValue) }
        case .requiredText(let name, let rule, _): reader.text(name, rule).map(ColumnValue.text)
        }
    }

    /// Stores a value read by `read(from:)`; `.null` clears an optional field.
    func set(_ value: ColumnValue, in record: inout Record) {
        switch (self, value) {
        case (.decimal(_, _, let path), .decimal(let v)): record[keyPath: path] = v
        case (.decimal(_, _, let path), .null): record[keyPath: path] = nil
        case (.integer(_, _, let path), .integer(let v)): record[keyPath: path] = v
        case (.integer(_, _, let path), .null): record[keyPath: path] = nil
        case (.instant(_, let path), .instant(let v)): record[keyPath: path] = v
        case (.instant(_, let path), .null): record[keyPath: path] = nil
        case (.date(_, let path), .date(let v)): record[keyPath: path] = v
        case (.date(_, let path), .null): record[keyPath: path] = nil
        case (.sex(_, let path), .text(let v)): record[keyPath: path] = Sex(rawValue: v)
        case (.sex(_, let path), .null): record[keyPath: path] = nil
        case (.requiredText(_, _, let path), .text(let v)): record[keyPath: path] = v
        default: break  // readers never pair a field with another kind of value
        }
    }

    func value(in record: Record) -> ColumnValue {
        switch self {
        case .decimal(_, _, let path): record[keyPath: path].map(ColumnValue.decimal) ?? .null
        case .integer(_, _, let path): record[keyPath: path].map(ColumnValue.integer) ?? .null
        case .instant(_, let path): record[keyPath: path].map(ColumnValue.instant) ?? .null
        case .date(_, let path): record[keyPath: path].map(ColumnValue.date) ?? .null
        case .sex(_, let path): record[keyPath: path].map { ColumnValue.text($0.rawValue) } ?? .null
        case .requiredText(_, _, let path): .text(record[keyPath: path])
        }
    }
}

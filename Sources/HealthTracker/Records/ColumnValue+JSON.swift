import FoundationEssentials
import LambdaHTTP

extension ColumnValue {
    /// How the value is written in a response body: dates `YYYY-MM-DD`, instants UTC with `Z`,
    /// numbers as stored (Decimal's shortest text), UUIDs lower case.
    var jsonValue: JSONValue {
        switch self {
        case .null: .null
        case .decimal(let value): .number(JSONNumber(value))
        case .integer(let value): .number(JSONNumber(value))
        case .text(let value): .string(value)
        case .date(let value): .string(value.description)
        case .instant(let value): .string(value.rfc3339)
        case .uuid(let value): .string(value.lowercasedText)
        }
    }
}

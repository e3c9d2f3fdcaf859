/// What one body member holds after its own checks.
enum FieldInput<Value> {
    case absent
    case null
    case value(Value)
    /// Present but broken; the reader has already recorded the issue.
    case invalid
}

extension FieldInput {
    func map<Other>(_ transform: (Value) -> Other) -> FieldInput<Other> {
        switch self {
        case .absent: .absent
        case .null: .null
        case .value(let value): .value(transform(value))
        case .invalid: .invalid
        }
    }
}

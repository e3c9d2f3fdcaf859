/// What one body member holds after its own checks.
enum FieldInput<Value> {
    case absent
    case null
    case value(Value)
    /// Present but broken; the reader has already recorded the issue.
    case invalid
}

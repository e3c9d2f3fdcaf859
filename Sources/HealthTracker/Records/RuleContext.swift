import UTCTime

/// What the validation rules may depend on besides the record.
struct RuleContext {
    /// For `date_of_birth`: not after this day.
    var today: CalendarDate?
    /// Rules are checked on a merged record: the key cannot move, so a mismatch names the field that moved.
    var isPatch = false
}

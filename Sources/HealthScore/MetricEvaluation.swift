import UTCTime

/// One scored metric, exact (rounded only when reported).
struct MetricEvaluation: Sendable {
    enum Detail: Sendable {
        case daysWithData(Int)
        case readingsUsed(Int)
        case testDate(CalendarDate)
        case bodyMass(weightKg: Rational, heightCm: Rational, weightRecorded: Instant, heightRecorded: Instant)
    }

    let name: MetricName
    let value: Rational
    let score: Rational
    /// Nil for SBP/DBP (the component carries the BP category).
    let category: String?
    /// Weight inside the component's weighted mean (activity, sleep, lipids).
    let weight: Int?
    let detail: Detail

    init(_ name: MetricName, value: Rational, weight: Int? = nil, detail: Detail) {
        self.name = name
        self.value = value
        self.score = name.scale.score(value)
        self.category = name.scale.category(value)
        self.weight = weight
        self.detail = detail
    }
}

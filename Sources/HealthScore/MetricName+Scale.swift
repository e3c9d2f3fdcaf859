extension MetricName {
    /// The anchors and categories of the spec §4 table.
    var scale: MetricScale {
        switch self {
        case .weeklyMVPAMinutes: MetricScales.weeklyMVPAMinutes
        case .meanDailySteps: MetricScales.meanDailySteps
        case .meanSleepHours: MetricScales.meanSleepHours
        case .meanSleepEfficiencyPercent: MetricScales.meanSleepEfficiencyPercent
        case .bmi: MetricScales.bmi
        case .systolicBP: MetricScales.systolicBP
        case .diastolicBP: MetricScales.diastolicBP
        case .fastingGlucose: MetricScales.fastingGlucose
        case .hba1c: MetricScales.hba1c
        case .nonHDLCholesterol: MetricScales.nonHDLCholesterol
        case .ldlCholesterol: MetricScales.ldlCholesterol
        case .hdlCholesterol: MetricScales.hdlCholesterol
        case .triglycerides: MetricScales.triglycerides
        case .restingHeartRate: MetricScales.restingHeartRate
        }
    }
}

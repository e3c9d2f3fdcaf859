/// The scored metrics of spec §3–§4, named as in the score document.
public enum MetricName: String, Sendable, Hashable, CaseIterable {
    case weeklyMVPAMinutes = "weekly_mvpa_minutes"
    case meanDailySteps = "mean_daily_steps"
    case meanSleepHours = "mean_sleep_hours"
    case meanSleepEfficiencyPercent = "mean_sleep_efficiency_percent"
    case bmi
    case systolicBP = "systolic_bp_mmhg"
    case diastolicBP = "diastolic_bp_mmhg"
    case fastingGlucose = "fasting_glucose_mg_dl"
    case hba1c = "hba1c_percent"
    case nonHDLCholesterol = "non_hdl_cholesterol_mg_dl"
    case ldlCholesterol = "ldl_cholesterol_mg_dl"
    case hdlCholesterol = "hdl_cholesterol_mg_dl"
    case triglycerides = "triglycerides_mg_dl"
    case restingHeartRate = "resting_heart_rate_bpm"
}

/// Why a component or metric has no score (spec §5 "Missing data").
public enum MissingReason: String, Sendable, Hashable {
    case noDataInWindow = "no_data_in_window"
    /// Activity or sleep data on 1–3 of the 7 days.
    case tooFewDays = "too_few_days"
    /// Weight in the window but no height at or before `as_of`.
    case noHeight = "no_height"
    /// BMI outside 10–100.
    case bmiOutOfRange = "bmi_out_of_range"
}

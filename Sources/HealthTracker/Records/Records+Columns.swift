// Column lists for the store's SQL. Column names are the JSON field names; `created_at` and
// `updated_at` are left to the database (defaults and the UPDATE's `updated_at = now()`).

extension User {
    /// `user_uuid`, `email`, `full_name`, `date_of_birth`, `sex`.
    public static var columnNames: [String] { writableColumnNames }
    /// This user's columns and values, in `columnNames` order, for an INSERT.
    public var columns: [FieldChange] { writableColumns }
}

extension BloodTest {
    /// `user_uuid`, `test_date`, then the analytes in response order.
    public static var columnNames: [String] { writableColumnNames }
    /// This test's columns and values, in `columnNames` order, for an INSERT.
    public var columns: [FieldChange] { writableColumns }
}

extension BioMetricReading {
    /// `user_uuid`, `recorded`, then the measurements in response order.
    public static var columnNames: [String] { writableColumnNames }
    /// This reading's columns and values, in `columnNames` order, for an INSERT.
    public var columns: [FieldChange] { writableColumns }
}

extension ActivityDay {
    /// `user_uuid`, `date`, then the day's fields in response order.
    public static var columnNames: [String] { writableColumnNames }
    /// This day's columns and values, in `columnNames` order, for an INSERT.
    public var columns: [FieldChange] { writableColumns }
}

extension SleepNight {
    /// `user_uuid`, `date`, `start_time`, `end_time`, then the night's fields in response order.
    public static var columnNames: [String] { writableColumnNames }
    /// This night's columns and values, in `columnNames` order, for an INSERT.
    public var columns: [FieldChange] { writableColumns }
}

/// The five record APIs, as named in their function and table names.
public enum RecordResource: String, Sendable, CaseIterable {
    case users
    case bloodTests = "blood_tests"
    case bioMetrics = "bio_metrics"
    case physicalActivity = "physical_activity"
    case sleepActivity = "sleep_activity"

    /// The key within a user (`test_date`, `recorded`, `date`): the delete selector, the
    /// `from`/`to` column and the list order. Nil for users, which are addressed by path.
    public var keyName: String? {
        switch self {
        case .users: nil
        case .bloodTests: "test_date"
        case .bioMetrics: "recorded"
        case .physicalActivity, .sleepActivity: "date"
        }
    }

    /// What the list is ordered by (newest first): the key, or `created_at` for users.
    public var keyKind: RecordKey.Kind {
        switch self {
        case .users, .bioMetrics: .instant
        case .bloodTests, .physicalActivity, .sleepActivity: .date
        }
    }
}

public import LambdaHTTP

/// The six Lambda functions; the raw value is the function (and executable) name.
public enum APIFunction: String, Sendable, CaseIterable {
    case users
    case bloodTests = "blood_tests"
    case bioMetrics = "bio_metrics"
    case physicalActivity = "physical_activity"
    case sleepActivity = "sleep_activity"
    case healthScore = "health_score"

    /// The routes this function serves, in table order.
    public var routes: [APIRoute] {
        APIRoute.allCases.filter { $0.function == self }
    }

    /// A router over this function's routes.
    public var router: Router<APIRoute> {
        Router(routes.map(\.definition))
    }
}

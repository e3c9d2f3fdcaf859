public import LambdaHTTP

/// Every route of the API (docs/api.md), the single source of truth that the deployment
/// templates and the OpenAPI document are checked against.
public enum APIRoute: String, Sendable, Hashable, CaseIterable {
    case createUser, listUsers, getUser, updateUser, deleteUser
    case createBloodTest, listBloodTests, getBloodTest, updateBloodTest, deleteBloodTests
    case createBioMetric, listBioMetrics, getBioMetric, updateBioMetric, deleteBioMetrics
    case createPhysicalActivity, listPhysicalActivity, getPhysicalActivity, updatePhysicalActivity,
         deletePhysicalActivity
    case createSleepActivity, listSleepActivity, getSleepActivity, updateSleepActivity, deleteSleepActivity
    case getHealthScore

    public var function: APIFunction {
        switch self {
        case .createUser, .listUsers, .getUser, .updateUser, .deleteUser:
            .users
        case .createBloodTest, .listBloodTests, .getBloodTest, .updateBloodTest, .deleteBloodTests:
            .bloodTests
        case .createBioMetric, .listBioMetrics, .getBioMetric, .updateBioMetric, .deleteBioMetrics:
            .bioMetrics
        case .createPhysicalActivity, .listPhysicalActivity, .getPhysicalActivity, .updatePhysicalActivity,
             .deletePhysicalActivity:
            .physicalActivity
        case .createSleepActivity, .listSleepActivity, .getSleepActivity, .updateSleepActivity,
             .deleteSleepActivity:
            .sleepActivity
        case .getHealthScore:
            .healthScore
        }
    }

    public var method: HTTPMethod {
        switch self {
        case .createUser, .createBloodTest, .createBioMetric, .createPhysicalActivity, .createSleepActivity:
            .post
        case .listUsers, .getUser, .listBloodTests, .getBloodTest, .listBioMetrics, .getBioMetric,
             .listPhysicalActivity, .getPhysicalActivity, .listSleepActivity, .getSleepActivity, .getHealthScore:
            .get
        case .updateUser, .updateBloodTest, .updateBioMetric, .updatePhysicalActivity, .updateSleepActivity:
            .patch
        case .deleteUser, .deleteBloodTests, .deleteBioMetrics, .deletePhysicalActivity, .deleteSleepActivity:
            .delete
        }
    }

    /// The path exactly as api.md writes it (the router also takes it without or with a trailing slash).
    public var template: String {
        switch self {
        case .createUser, .listUsers: "/api/users/"
        case .getUser, .updateUser, .deleteUser: "/api/users/{user_uuid}"
        case .createBloodTest: "/api/blood-tests/"
        case .listBloodTests: "/api/blood-tests/{user_uuid}"
        case .getBloodTest: "/api/blood-tests/{user_uuid}/{test_date}"
        case .updateBloodTest: "/api/blood-tests/{user_uuid}/{test_date}/update"
        case .deleteBloodTests: "/api/blood-tests/{user_uuid}/delete"
        case .createBioMetric: "/api/bio-metrics/"
        case .listBioMetrics: "/api/bio-metrics/{user_uuid}"
        case .getBioMetric: "/api/bio-metrics/{user_uuid}/{recorded}"
        case .updateBioMetric: "/api/bio-metrics/{user_uuid}/{recorded}/update"
        case .deleteBioMetrics: "/api/bio-metrics/{user_uuid}/delete"
        case .createPhysicalActivity: "/api/physical-activity/"
        case .listPhysicalActivity: "/api/physical-activity/{user_uuid}"
        case .getPhysicalActivity: "/api/physical-activity/{user_uuid}/{date}"
        case .updatePhysicalActivity: "/api/physical-activity/{user_uuid}/update"
        case .deletePhysicalActivity: "/api/physical-activity/{user_uuid}/delete"
        case .createSleepActivity: "/api/sleep-activity/"
        case .listSleepActivity: "/api/sleep-activity/{user_uuid}"
        case .getSleepActivity: "/api/sleep-activity/{user_uuid}/{date}"
        case .updateSleepActivity: "/api/sleep-activity/{user_uuid}/update"
        case .deleteSleepActivity: "/api/sleep-activity/{user_uuid}/delete"
        case .getHealthScore: "/api/get_health_score"
        }
    }

    /// The type of each template variable; the names are the same in every route.
    public var parameterTypes: [String: PathParameterType] {
        var types: [String: PathParameterType] = [:]
        for name in definitionWithoutTypes.variableNames {
            types[name] = Self.parameterType(named: name)
        }
        return types
    }

    /// POST and PATCH read a JSON body; other Content-Types answer 415.
    public var takesJSONBody: Bool {
        method == .post || method == .patch
    }

    /// The route as router data.
    public var definition: HTTPRoute<APIRoute> {
        HTTPRoute(self, method, template, parameterTypes: parameterTypes, takesJSONBody: takesJSONBody)
    }

    /// `GET /api/users/{user_uuid}`, as API Gateway writes a route key.
    public var routeKey: String { "\(method.rawValue) \(template)" }

    private var definitionWithoutTypes: HTTPRoute<APIRoute> {
        HTTPRoute(self, method, template)
    }

    static func parameterType(named name: String) -> PathParameterType {
        switch name {
        case "user_uuid": .uuid
        case "test_date", "date": .date
        case "recorded": .instant
        default: .string
        }
    }
}

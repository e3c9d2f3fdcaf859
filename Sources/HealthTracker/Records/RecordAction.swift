public import LambdaHTTP

/// What a route does to its resource; each resource has one route per action.
public enum RecordAction: String, Sendable, Hashable, CaseIterable {
    case create, list, get, update, delete

    public var method: HTTPMethod {
        switch self {
        case .create: .post
        case .list, .get: .get
        case .update: .patch
        case .delete: .delete
        }
    }
}

import LambdaHTTP

extension RecordResource {
    /// The path template of an action: the collection for create, `{user_uuid}` for a user's
    /// list (users: one user), then the key for one record; update and delete name their action
    /// after the user (and the key, where the path holds it).
    public func template(_ action: RecordAction) -> String {
        let owner = collectionPath + "{user_uuid}"
        guard let key else {
            return action == .create || action == .list ? collectionPath : owner
        }
        let record = owner + "/{\(key.name)}"
        return switch action {
        case .create: collectionPath
        case .list: owner
        case .get: record
        case .update: (key.patchedByPath ? record : owner) + "/update"
        case .delete: owner + "/delete"
        }
    }
}

extension RecordKey.Kind {
    /// The router's type for a path variable holding this kind of key.
    var pathParameterType: PathParameterType {
        switch self {
        case .date: .date
        case .instant: .instant
        }
    }
}

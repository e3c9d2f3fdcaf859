extension RecordResource {
    /// `/api/users/`: the users, addressed by `user_uuid` alone and listed by `created_at`.
    public static let users = RecordResource(
        function: .users, table: "users", collectionPath: "/api/users/", key: nil, endpoints: UserEndpoints.self)
}

extension User {
    /// The cursor that continues the users list (by `created_at`, then `user_uuid`) after this
    /// user; nil for a user not yet stored.
    var listCursor: ListCursor? {
        createdAt.map { ListCursor(resource: .users, key: .instant($0), tiebreaker: userUUID) }
    }
}

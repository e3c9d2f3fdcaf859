import FoundationEssentials
import Postgres
import UTCTime

extension User: TableRow {
    static let resource = RecordResource.users

    init(keysOf row: PostgresRow) throws(PostgresError) {
        self.init(userUUID: try row.decode(0, as: UUID.self), email: "", fullName: "")
    }
}

/// The `users` table. Deleting a user deletes their records by the foreign keys' `ON DELETE CASCADE`.
struct UserStore {
    /// The writable columns, then `email_key` (`EmailAddress.identityKey`), which the unique
    /// index `users_email_key` holds.
    static let insertStatement: PreparedStatement = {
        let names = User.writableColumnNames + ["email_key"]
        let placeholders = (1...names.count).map { "$\($0)" }.joined(separator: ", ")
        return PreparedStatement(
            name: "users_insert",
            sql: "INSERT INTO users (\(names.joined(separator: ", "))) VALUES (\(placeholders)) RETURNING \(User.selectList)")
    }()
    static let getStatement = PreparedStatement(
        name: "users_get", sql: "SELECT \(User.selectList) FROM users WHERE user_uuid = $1")
    static let existsStatement = PreparedStatement(
        name: "users_exists", sql: "SELECT 1 FROM users WHERE user_uuid = $1")
    /// Keyset on (`created_at`, `user_uuid`) descending, served by `users_created_at_idx`.
    static let pageStatement = PreparedStatement(
        name: "users_list_page",
        sql: """
            SELECT \(User.selectList) FROM users
            WHERE (created_at, user_uuid) < ($1::timestamptz, $2::uuid)
            ORDER BY created_at DESC, user_uuid DESC LIMIT $3
            """)
    static let deleteStatement = PreparedStatement(name: "users_delete", sql: "DELETE FROM users WHERE user_uuid = $1")

    let connection: PostgresConnection

    /// A taken `user_uuid` or e-mail address (any case) is `.conflict`, naming the constraint.
    func insert(_ user: User) throws(PostgresError) -> User {
        let rows = try connection.execute(
            Self.insertStatement, user.writableColumns.map(\.value) + [ColumnValue.text(EmailAddress.identityKey(user.email))])
        guard let row = rows.first else { throw PostgresError(code: .other, message: "INSERT returned no row") }
        return try User(row: row)
    }

    func get(_ uuid: UUID) throws(PostgresError) -> User? {
        try connection.execute(Self.getStatement, [ColumnValue.uuid(uuid)]).first
            .map { row throws(PostgresError) in try User(row: row) }
    }

    func exists(_ uuid: UUID) throws(PostgresError) -> Bool {
        try connection.execute(Self.existsStatement, [ColumnValue.uuid(uuid)]).count > 0
    }

    /// Up to `limit` users, newest first, strictly after the cursor's position.
    func page(after cursor: ListCursor?, limit: Int) throws(PostgresError) -> [User] {
        let position: [ColumnValue] = if let cursor, let tiebreaker = cursor.tiebreaker {
            [cursor.key.columnValue, .uuid(tiebreaker)]
        } else {
            // Every row sorts before (infinity, any uuid).
            [.text("infinity"), .uuid(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))]
        }
        return try User.decodeAll(connection.execute(Self.pageStatement, position + [ColumnValue.integer(limit)]))
    }

    /// Sets exactly the changed columns; nil when the user no longer exists.
    func update(_ uuid: UUID, changes: [FieldChange]) throws(PostgresError) -> User? {
        var changes = changes
        if let email = changes.first(where: { $0.column == "email" }), case .text(let address) = email.value {
            changes.append(FieldChange(column: "email_key", value: .text(EmailAddress.identityKey(address))))
        }
        let sql = User.updateSQL(changes: changes, keyCondition: "user_uuid = $1", keyCount: 1)
        return try connection.execute(sql, [ColumnValue.uuid(uuid)] + changes.map(\.value)).first
            .map { row throws(PostgresError) in try User(row: row) }
    }

    /// Whether the user existed; their records go with them.
    func delete(_ uuid: UUID) throws(PostgresError) -> Bool {
        try connection.execute(Self.deleteStatement, [ColumnValue.uuid(uuid)]).affectedRows > 0
    }
}

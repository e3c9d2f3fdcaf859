import FoundationEssentials
import LambdaHTTP
import Postgres

/// The `users` function's endpoints.
///
/// With auth on, a POST creates the caller's own user (`user_uuid` = the token's `sub`, which must
/// be a UUID); an admin's POST creates a user with a server-made UUID, as does every POST with
/// auth off. Listing users is for admins only.
struct UserEndpoints: ResourceEndpoints {
    let call: APICall
    let database: PostgresSession

    func create() throws -> HTTPResponse {
        let uuid: UUID
        if call.caller.isAdmin {
            uuid = UUID()
        } else if let own = call.caller.userUUID {
            uuid = own
        } else {
            throw Problem(.forbidden, detail: "The token's sub is not a user UUID; only an admin may create other users")
        }
        let user = try User.decodeCreate(try call.jsonBody(), userUUID: uuid, today: call.today)
        try checkEmail(user.email)
        let stored = try writing { connection in try UserStore(connection: connection).insert(user) }
        return .created(stored.jsonText, location: RecordResource.users.collectionPath + stored.userUUID.lowercasedText)
    }

    func list() throws -> HTTPResponse {
        try call.caller.authorizeAdmin()
        let query = try ListQuery.parse(call.queryValues, resource: .users)
        let users = try database.run(.readOnly, deadline: call.context.deadline) { connection in
            try UserStore(connection: connection).page(after: query.cursor, limit: query.limit + 1)
        }
        let items = users.prefix(query.limit)
        let next = users.count > query.limit ? items.last?.listCursor?.token : nil
        return .page(items: items.map(\.jsonValue), nextCursor: next)
    }

    func get() throws -> HTTPResponse {
        let uuid = try call.pathUser()
        try call.caller.authorize(uuid)
        let user = try database.run(.readOnly, deadline: call.context.deadline) { connection in
            // Thrown inside, so that a reader that has not replayed the user yet asks the writer.
            guard let user = try UserStore(connection: connection).get(uuid) else { throw Problem.userNotFound(uuid) }
            return user
        }
        return .recordJSON(user.jsonText)
    }

    /// Reads the user, checks the merged user, then sets only the named columns.
    func update() throws -> HTTPResponse {
        let uuid = try call.pathUser()
        try call.caller.authorize(uuid)
        let patch = try User.decodePatch(try call.jsonBody())
        if case .text(let email)? = patch.change("email") { try checkEmail(email) }
        let today = call.today
        let user = try writing { connection in
            let store = UserStore(connection: connection)
            guard let current = try store.get(uuid) else { throw Problem.userNotFound(uuid) }
            _ = try current.merged(with: patch, today: today)
            guard let updated = try store.update(uuid, changes: patch.changes) else {
                throw Problem.userNotFound(uuid)
            }
            return updated
        }
        return .recordJSON(user.jsonText)
    }

    /// 204; the user's records are deleted with them (ON DELETE CASCADE), in the same statement.
    func delete() throws -> HTTPResponse {
        let uuid = try call.pathUser()
        try call.caller.authorize(uuid)
        let deleted = try database.run(.readWrite, deadline: call.context.deadline) { connection in
            try UserStore(connection: connection).delete(uuid)
        }
        guard deleted else { throw Problem.userNotFound(uuid) }
        return .noContent()
    }

    /// With a token that vouches for an address (`email_verified`), a non-admin caller's
    /// user must have that address: nobody can take someone else's address and lock the
    /// owner out with 409s. Tokens without it leave the risk docs/security.md describes.
    private func checkEmail(_ email: String) throws(Problem) {
        guard !call.caller.isAdmin, let verified = call.caller.verifiedEmail else { return }
        guard EmailAddress.identityKey(email) == EmailAddress.identityKey(verified) else {
            throw Problem(.validation, detail: "1 field is invalid", invalidParams: [
                InvalidParameter(name: "email", reason: "must be the address your token verifies"),
            ])
        }
    }

    /// A write whose unique violations say only what the caller may learn.
    ///
    /// Someone who has not proved they own an address must not learn that it is registered,
    /// so the email conflict is named only to an admin or a caller whose token verifies that
    /// address; everyone else gets one detail whether their `user_uuid` or the address is taken.
    private func writing(_ body: (PostgresConnection) throws -> User) throws -> User {
        do {
            return try database.run(.readWrite, deadline: call.context.deadline, body)
        } catch let error as PostgresError where error.code == .conflict {
            // An admin (or auth off) may list users anyway; a verified token owns the address.
            if error.constraint == "users_email_key", call.caller.isAdmin || call.caller.verifiedEmail != nil {
                throw Problem(.conflict, detail: "A user with this email exists")
            }
            throw Problem(.conflict, detail: "This user exists, or its email address is not available")
        }
    }
}

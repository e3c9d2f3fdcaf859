import FoundationEssentials
import LambdaHTTP
import Postgres

/// The create, read, list, update and delete endpoints of one health record type.
///
/// The owner that matters is the path's `{user_uuid}` (the body's for a POST); the caller must
/// be that user or an admin before any data is touched. A missing user answers 404
/// `/problems/user-not-found` on every route (a missing record of an existing user:
/// `/problems/not-found`); the existence check runs only when a statement found nothing.
struct RecordEndpoints<Record: KeyedRow>: ResourceEndpoints {
    let call: APICall
    let database: PostgresSession

    /// `POST /api/<records>/`: 201 with the stored record and its `Location`.
    func create() throws -> HTTPResponse {
        try call.caller.authorizeOwnership()
        let record = try Record.decodeCreate(try call.jsonBody())
        try call.caller.authorize(record.userUUID)
        let stored: Record
        do {
            stored = try database.run(.readWrite, deadline: call.context.deadline) { connection in
                try KeyedStore<Record>(connection: connection).insert(record)
            }
        } catch let error as PostgresError where error.code == .notFound {
            throw Problem.userNotFound(record.userUUID)
        } catch let error as PostgresError where error.code == .conflict {
            throw Problem(.conflict, detail: "A record for this user with \(Record.keyColumn) \(record.recordKey) exists")
        }
        return .created(stored.jsonObjectText, location: stored.resourcePath)
    }

    /// `GET /api/<records>/{user_uuid}/{key}`.
    func get() throws -> HTTPResponse {
        let user = try call.pathUser()
        try call.caller.authorize(user)
        let key = try call.pathKey(Record.keyColumn)
        let record = try database.run(.readOnly, deadline: call.context.deadline) { connection in
            guard let record = try KeyedStore<Record>(connection: connection).get(user: user, key: key) else {
                throw try Self.missing(user, key: key, connection)
            }
            return record
        }
        return .recordJSON(record.jsonObjectText)
    }

    /// `GET /api/<records>/{user_uuid}`: newest first, keyset-paginated, within `from`/`to`.
    func list() throws -> HTTPResponse {
        let user = try call.pathUser()
        try call.caller.authorize(user)
        let query = try ListQuery.parse(call.queryValues, resource: Record.resource)
        let records = try database.run(.readOnly, deadline: call.context.deadline) { connection in
            // One more than a page tells whether another page follows.
            let found = try KeyedStore<Record>(connection: connection).page(
                user: user, before: query.cursor?.key, from: query.from, to: query.to, limit: query.limit + 1)
            if found.isEmpty, try !UserStore(connection: connection).exists(user) {
                throw Problem.userNotFound(user)
            }
            return found
        }
        let items = records.prefix(query.limit)
        let next = records.count > query.limit ? items.last.map { ListCursor(resource: Record.resource, key: $0.recordKey).token } : nil
        return .page(items: items.map(\.jsonValue), nextCursor: next)
    }

    /// `PATCH`: reads the record, checks the merged record against every rule, then sets only
    /// the named columns in one statement, so concurrent PATCHes of other fields are kept.
    /// The key is the path's, or the body's for records kept per day.
    func update() throws -> HTTPResponse {
        let user = try call.pathUser()
        try call.caller.authorize(user)
        let (bodyKey, patch) = try Record.decodeUpdate(try call.jsonBody())
        let key = try bodyKey ?? call.pathKey(Record.keyColumn)
        let record = try database.run(.readWrite, deadline: call.context.deadline) { connection in
            let store = KeyedStore<Record>(connection: connection)
            guard let current = try store.get(user: user, key: key) else {
                throw try Self.missing(user, key: key, connection)
            }
            _ = try current.merged(with: patch)
            guard let updated = try store.update(user: user, key: key, changes: patch.changes) else {
                throw Problem(.notFound, detail: "The record was deleted meanwhile")
            }
            return updated
        }
        return .recordJSON(record.jsonObjectText)
    }

    /// `DELETE /api/<records>/{user_uuid}/delete?<selector>`: `{"deleted": N}`.
    func delete() throws -> HTTPResponse {
        let user = try call.pathUser()
        try call.caller.authorize(user)
        let selector = try DeleteSelector.parse(call.queryValues, resource: Record.resource)
        let count = try database.run(.readWrite, deadline: call.context.deadline) { connection in
            let count = try KeyedStore<Record>(connection: connection).delete(user: user, selector)
            if count == 0, try !UserStore(connection: connection).exists(user) {
                throw Problem.userNotFound(user)
            }
            return count
        }
        return .deleted(count)
    }

    /// The 404 for a record that is not there: its user's, or its own.
    static func missing(_ user: UUID, key: RecordKey, _ connection: PostgresConnection) throws -> Problem {
        guard try UserStore(connection: connection).exists(user) else { return Problem.userNotFound(user) }
        return Problem(.notFound, detail: "No record with \(Record.keyColumn) \(key) for this user")
    }
}

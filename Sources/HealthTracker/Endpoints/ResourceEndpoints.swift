import LambdaHTTP
import Postgres

/// The endpoints of one resource, one per action: what `RecordResource` dispatches to.
protocol ResourceEndpoints {
    init(call: APICall, database: PostgresSession)
    func create() throws -> HTTPResponse
    func list() throws -> HTTPResponse
    func get() throws -> HTTPResponse
    func update() throws -> HTTPResponse
    func delete() throws -> HTTPResponse
}

extension ResourceEndpoints {
    func respond(to action: RecordAction) throws -> HTTPResponse {
        switch action {
        case .create: try create()
        case .list: try list()
        case .get: try get()
        case .update: try update()
        case .delete: try delete()
        }
    }
}

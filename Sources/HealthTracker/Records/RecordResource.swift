import LambdaHTTP
import Postgres

/// One resource of the API (users and the four health record types), described once: the
/// function that serves it, its table, its collection path and its key. Routes, dispatch,
/// list cursors, query parsing and SQL all derive from this value; the record type adds only
/// its field table (`RecordShape`) and its row (`TableRow`).
public struct RecordResource: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// How a record is named within its owner's records.
    public struct Key: Sendable, Hashable {
        /// `test_date`, `recorded` or `date`: the path variable, the delete selector, the
        /// `from`/`to` column and the list order.
        public let name: String
        public let kind: RecordKey.Kind
        /// Whether a PATCH names the record in its path (`.../{key}/update`) or in its body
        /// (records kept per day: `.../{user_uuid}/update` with `date` in the body).
        public let patchedByPath: Bool
    }

    /// The Lambda function serving the resource; its name also names the resource in list cursors.
    public let function: APIFunction
    public let table: String
    /// `/api/blood-tests/`: the create route; the other routes append to it.
    public let collectionPath: String
    /// Nil for users, which are addressed by `user_uuid` alone.
    public let key: Key?
    /// The dispatch to the resource's endpoints, made generic by `init`.
    let respond: @Sendable (RecordAction, APICall, PostgresSession) throws -> HTTPResponse

    init<Endpoints: ResourceEndpoints & SendableMetatype>(
        function: APIFunction, table: String, collectionPath: String, key: Key?, endpoints: Endpoints.Type
    ) {
        self.function = function
        self.table = table
        self.collectionPath = collectionPath
        self.key = key
        self.respond = { action, call, database in
            try Endpoints(call: call, database: database).respond(to: action)
        }
    }

    /// The one list of resources, in the order of the route table (docs/api.md).
    public static let allCases: [RecordResource] = [.users, .bloodTests, .bioMetrics, .physicalActivity, .sleepActivity]

    /// The name in list cursors (the function's, which is also the table's).
    public var name: String { function.rawValue }

    public var description: String { name }

    /// The key's name; nil for users.
    public var keyName: String? { key?.name }

    /// What the list is ordered by (newest first): the key, or `created_at` for users.
    public var keyKind: RecordKey.Kind { key?.kind ?? .instant }

    public static func == (lhs: RecordResource, rhs: RecordResource) -> Bool {
        lhs.function == rhs.function
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(function)
    }
}

/// PostgreSQL's isolation levels (READ UNCOMMITTED behaves as READ COMMITTED there).
public enum TransactionIsolation: Sendable {
    case readCommitted
    case repeatableRead
    case serializable

    var sql: String {
        switch self {
        case .readCommitted: "READ COMMITTED"
        case .repeatableRead: "REPEATABLE READ"
        case .serializable: "SERIALIZABLE"
        }
    }
}

public import LambdaHTTP
public import Postgres

/// The `Consistency-Token` header: every successful write's answer carries the writer's WAL
/// position after the write; a GET that sends it back is answered by the reader only once the
/// reader has replayed that far, else by the writer. So a client always reads its own writes.
public enum ConsistencyToken {
    public static let header = "Consistency-Token"

    /// The position a request's token asks for. A token that is not a WAL position sends the
    /// read to the writer (the answer is then certainly current), rather than failing it.
    public static func requiredPosition(_ request: HTTPRequest) -> WALPosition? {
        guard let text = request.headers[header] else { return nil }
        return WALPosition(text) ?? WALPosition(value: .max)
    }
}

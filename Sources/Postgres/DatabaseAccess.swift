/// What a unit of work does, which decides whether it may run again after the connection broke.
public enum DatabaseAccess: Sendable {
    /// Reads only: safe to run again on a new connection.
    case readOnly
    /// May change data: run again only if it never reached the server.
    case readWrite
}

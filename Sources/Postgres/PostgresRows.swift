import CLibPQ

/// The rows one statement returned. Owns the libpq result and frees it when released.
public final class PostgresRows: Sequence {
    private let result: OpaquePointer
    public let count: Int
    public let columnCount: Int

    init(result: OpaquePointer) {
        self.result = result
        count = Int(PQntuples(result))
        columnCount = Int(PQnfields(result))
    }

    deinit {
        PQclear(result)
    }

    /// Rows changed by an INSERT, UPDATE or DELETE (0 for other statements).
    public var affectedRows: Int {
        Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    public var first: PostgresRow? {
        count > 0 ? PostgresRow(rows: self, index: 0) : nil
    }

    public subscript(index: Int) -> PostgresRow {
        precondition(index >= 0 && index < count, "row index out of range")
        return PostgresRow(rows: self, index: index)
    }

    public func makeIterator() -> AnyIterator<PostgresRow> {
        var index = 0
        return AnyIterator { [self] in
            guard index < count else { return nil }
            defer { index += 1 }
            return PostgresRow(rows: self, index: index)
        }
    }

    func columnName(_ column: Int) -> String {
        String(cString: PQfname(result, Int32(column)))
    }

    /// The column's index for a name as the statement spelled it (exact match), or nil.
    func columnIndex(_ name: String) -> Int? {
        for column in 0..<columnCount where columnName(column) == name { return column }
        return nil
    }

    func cell(row: Int, column: Int) -> PostgresCell {
        let r = Int32(row), c = Int32(column)
        if PQgetisnull(result, r, c) != 0 { return PostgresCell(bytes: nil, rows: self, column: column) }
        let length = Int(PQgetlength(result, r, c))
        let pointer = UnsafeRawPointer(PQgetvalue(result, r, c)!).assumingMemoryBound(to: UInt8.self)
        return PostgresCell(bytes: UnsafeBufferPointer(start: pointer, count: length), rows: self, column: column)
    }
}
